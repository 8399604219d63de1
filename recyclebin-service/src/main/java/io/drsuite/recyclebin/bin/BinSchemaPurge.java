package io.drsuite.recyclebin.bin;

import io.drsuite.clusterclient.sql.NodeSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Purges a bin schema (a table's, or a recycled schema) and its record, only while it holds what the recycle put
 * there: nothing was added since and nothing outside depends on it. Anything else is refused with nothing dropped,
 * rather than cascading into objects that were never recycled. A bin schema that is gone already just ends the
 * record.
 */
@ApplicationScoped
class BinSchemaPurge {

    /** What the bin schema should hold, as {@link CatalogProbe#schemaMembers} writes it. */
    @FunctionalInterface
    interface ExpectedMembers {
        String[] of(Connection connection) throws SQLException;
    }

    /** The statements that drop the bin schema and what it holds. */
    @FunctionalInterface
    interface Drop {
        void run() throws SQLException;
    }

    /** Relations in a schema, locked so that nothing new comes to depend on them until the purge ends. */
    private static final String LOCK_RELATIONS = """
            select coalesce(format('LOCK TABLE %s IN ACCESS EXCLUSIVE MODE', string_agg(c.oid::regclass::text, ', ')),
                            'select 1')
              from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = ? and c.relkind in ('r', 'p', 'v')""";

    private final BinLedger ledger;
    private final CatalogProbe catalog;

    BinSchemaPurge(BinLedger ledger, CatalogProbe catalog) {
        this.ledger = ledger;
        this.catalog = catalog;
    }

    void purge(NodeSession session, BinRecord record, ExpectedMembers expected, Drop drop) throws SQLException {
        String bin = record.bin();
        InDatabaseTransaction.run(session, connection -> {
            ledger.ensure(connection);
            ledger.requireOnlyRecordOf(connection, record);
            if (catalog.schemaExists(connection, bin)) {
                session.executeFormatted(LOCK_RELATIONS, bin);
                String added = catalog.addedMembers(connection, bin, expected.of(connection));
                String dependents = catalog.outsideDependents(connection, bin);
                if (added != null || dependents != null) {
                    throw new BinRefusal(BinRefusal.Reason.CONFLICT, "bin " + bin + " of entry " + record.id()
                            + " is not purged: a purge drops only what the recycle put there, and "
                            + (added == null ? "" : "it now also holds " + added + (dependents == null ? "" : "; "))
                            + (dependents == null ? "" : "objects outside it depend on it: " + dependents)
                            + "; remove or move those, then purge again");
                }
                drop.run();
            }
            ledger.remove(connection, record.id());
        });
    }
}
