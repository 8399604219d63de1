package io.drsuite.recyclebin.bin;

import io.drsuite.clusterclient.sql.NodeSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Tables in and out of the bin. A table goes into a schema of its own, {@code drsuite_rb_<id>}, with its indexes,
 * constraints, owned sequences, grants and comments (ALTER TABLE ... SET SCHEMA moves them all, no data is copied).
 * The session is connected to the table's database; each change and its record commit in one transaction.
 */
@ApplicationScoped
class TableRecycling {

    private final BinLedger ledger;
    private final CatalogProbe catalog;
    private final BinSchemaPurge purge;

    TableRecycling(BinLedger ledger, CatalogProbe catalog, BinSchemaPurge purge) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.purge = purge;
    }

    BinRecord recycle(NodeSession session, String schema, String table, UUID entryId, Duration retention,
            String droppedBy) throws SQLException {
        return InDatabaseTransaction.call(session, connection -> {
            ledger.ensure(connection);
            String database = connection.getCatalog();
            String qualified = catalog.qualifiedTable(connection, schema, table).orElseThrow(() -> new BinRefusal(
                    BinRefusal.Reason.NOT_FOUND, "database " + database + " has no table " + schema + "." + table));
            if (catalog.isPartitioned(connection, qualified)) {
                throw new BinRefusal(BinRefusal.Reason.NOT_SUPPORTED, "table " + schema + "." + table
                        + " is partitioned or a partition; the bin takes ordinary tables");
            }
            String dependents = catalog.dependents(connection, qualified);
            if (dependents != null) {
                throw new BinRefusal(BinRefusal.Reason.CONFLICT, "table " + schema + "." + table + " is used by "
                        + dependents + "; a DROP TABLE would need CASCADE too: drop those first");
            }
            long size = catalog.tableSize(connection, qualified);
            String bin = BinNames.binName(entryId);
            session.executeFormatted("select format('CREATE SCHEMA %I', ?::text)", bin);
            session.executeFormatted("select format('ALTER TABLE %I.%I SET SCHEMA %I', ?::text, ?::text, ?::text)",
                    schema, table, bin);
            BinRecord record = new BinRecord(entryId, ObjectKind.TABLE, database, schema, table, bin,
                    Instant.now(), Instant.now().plus(retention), droppedBy, size);
            ledger.add(connection, record);
            return record;
        });
    }

    /** Puts the table back under its schema, as {@code name}. */
    void restore(NodeSession session, BinRecord record, String name) throws SQLException {
        InDatabaseTransaction.run(session, connection -> {
            ledger.requirePresent(connection, record);
            if (!catalog.schemaExists(connection, record.originalSchema())) {
                throw new BinRefusal(BinRefusal.Reason.CONFLICT, "schema " + record.originalSchema()
                        + " does not exist any more; create it, then restore");
            }
            if (catalog.qualifiedTable(connection, record.originalSchema(), name).isPresent()) {
                throw new BinRefusal(BinRefusal.Reason.CONFLICT, "a table " + record.originalSchema() + "." + name
                        + " exists; restore under another name");
            }
            if (!name.equals(record.originalName())) {
                session.executeFormatted("select format('ALTER TABLE %I.%I RENAME TO %I', ?::text, ?::text, "
                        + "?::text)", record.bin(), record.originalName(), name);
            }
            renameClashingCompanions(session, connection, record, name);
            session.executeFormatted("select format('ALTER TABLE %I.%I SET SCHEMA %I', ?::text, ?::text, ?::text)",
                    record.bin(), name, record.originalSchema());
            session.executeFormatted("select format('DROP SCHEMA %I', ?::text)", record.bin());
            ledger.remove(connection, record.id());
        });
    }

    /** Drops the table, the sequences it owns and its bin schema, while that is all the bin schema holds. */
    void purge(NodeSession session, BinRecord record) throws SQLException {
        purge.purge(session, record, connection -> catalog.tableMembers(connection, record), () -> {
            session.executeFormatted("select format('DROP TABLE %I.%I', ?::text, ?::text)", record.bin(),
                    record.originalName());
            session.executeFormatted("select format('DROP SCHEMA %I', ?::text)", record.bin());
        });
    }

    /**
     * The table's indexes and owned sequences move with it and share the schema's namespace: one whose name is
     * taken there now (a table recreated meanwhile has an index of the same name) gets a free name.
     */
    private void renameClashingCompanions(NodeSession session, Connection connection, BinRecord record, String table)
            throws SQLException {
        for (CatalogProbe.Companion companion : catalog.clashingCompanions(connection, record.bin(), table,
                record.originalSchema())) {
            String free = catalog.freeName(connection, record.originalSchema(), companion.name());
            session.executeFormatted(companion.index()
                    ? "select format('ALTER INDEX %I.%I RENAME TO %I', ?::text, ?::text, ?::text)"
                    : "select format('ALTER SEQUENCE %I.%I RENAME TO %I', ?::text, ?::text, ?::text)",
                    record.bin(), companion.name(), free);
        }
    }
}
