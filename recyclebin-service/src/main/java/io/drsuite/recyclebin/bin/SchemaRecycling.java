package io.drsuite.recyclebin.bin;

import io.drsuite.clusterclient.sql.NodeSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Schemas in and out of the bin: a schema is renamed to {@code drsuite_rb_<id>}, and its record lists what it held
 * then, so that a purge drops only that. The session is connected to the schema's database; each change and its
 * record commit in one transaction.
 */
@ApplicationScoped
class SchemaRecycling {

    private final BinLedger ledger;
    private final CatalogProbe catalog;
    private final BinSchemaPurge purge;

    SchemaRecycling(BinLedger ledger, CatalogProbe catalog, BinSchemaPurge purge) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.purge = purge;
    }

    BinRecord recycle(NodeSession session, String schema, UUID entryId, Duration retention, String droppedBy)
            throws SQLException {
        return InDatabaseTransaction.call(session, connection -> {
            ledger.ensure(connection);
            if (!catalog.schemaExists(connection, schema)) {
                throw new BinRefusal(BinRefusal.Reason.NOT_FOUND, "database " + connection.getCatalog()
                        + " has no schema " + schema);
            }
            long size = catalog.schemaSize(connection, schema);
            String bin = BinNames.binName(entryId);
            session.executeFormatted("select format('ALTER SCHEMA %I RENAME TO %I', ?::text, ?::text)", schema, bin);
            BinRecord record = new BinRecord(entryId, ObjectKind.SCHEMA, connection.getCatalog(), null, schema, bin,
                    Instant.now(), Instant.now().plus(retention), droppedBy, size);
            ledger.add(connection, record);
            ledger.recordContents(connection, entryId, catalog.schemaMembers(connection, bin));
            return record;
        });
    }

    void restore(NodeSession session, BinRecord record, String name) throws SQLException {
        InDatabaseTransaction.run(session, connection -> {
            ledger.requirePresent(connection, record);
            if (catalog.schemaExists(connection, name)) {
                throw new BinRefusal(BinRefusal.Reason.CONFLICT, "a schema " + name + " exists; restore under "
                        + "another name");
            }
            session.executeFormatted("select format('ALTER SCHEMA %I RENAME TO %I', ?::text, ?::text)",
                    record.bin(), name);
            ledger.remove(connection, record.id());
        });
    }

    /** Drops the schema with what it held when it was recycled, while it holds nothing else. */
    void purge(NodeSession session, BinRecord record) throws SQLException {
        purge.purge(session, record, connection -> ledger.recordedContents(connection, record),
                () -> session.executeFormatted("select format('DROP SCHEMA %I CASCADE', ?::text)", record.bin()));
    }
}
