package io.drsuite.recyclebin.bin;

import io.drsuite.clusterclient.sql.NodeSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Whole databases in and out of the bin: closed to new connections, their sessions ended, renamed to
 * {@code drsuite_rb_<id>}. A database cannot hold its own record while it is in the bin: the session is on the
 * cluster's {@code postgres} database, whose ledger keeps it. Renames and drops of databases run outside a
 * transaction; the record's change follows them.
 */
@ApplicationScoped
class DatabaseRecycling {

    private final BinLedger ledger;
    private final CatalogProbe catalog;

    DatabaseRecycling(BinLedger ledger, CatalogProbe catalog) {
        this.ledger = ledger;
        this.catalog = catalog;
    }

    BinRecord recycle(NodeSession session, String database, UUID entryId, Duration retention, String droppedBy)
            throws SQLException {
        if (!session.databaseExists(database)) {
            throw new BinRefusal(BinRefusal.Reason.NOT_FOUND, "the cluster has no database " + database);
        }
        long size = catalog.databaseSize(session.connection(), database);
        session.allowConnections(database, false);
        String bin = BinNames.binName(entryId);
        try {
            session.renameDatabase(database, bin);
            return InDatabaseTransaction.call(session, connection -> {
                ledger.ensure(connection);
                BinRecord record = new BinRecord(entryId, ObjectKind.DATABASE, database, null, database, bin,
                        Instant.now(), Instant.now().plus(retention), droppedBy, size);
                ledger.add(connection, record);
                return record;
            });
        } catch (SQLException | RuntimeException e) {
            reopen(session, database, bin);
            throw e;
        }
    }

    void restore(NodeSession session, BinRecord record, String name) throws SQLException {
        ledger.requirePresent(session.connection(), record);
        if (session.databaseExists(name)) {
            throw new BinRefusal(BinRefusal.Reason.CONFLICT, "a database " + name + " exists; restore under "
                    + "another name");
        }
        session.renameDatabase(record.bin(), name);
        session.allowConnections(name, true);
        InDatabaseTransaction.run(session, connection -> ledger.remove(connection, record.id()));
    }

    /**
     * Drops the database while it is still closed to connections (reopened, it may be in use again). DROP DATABASE
     * cannot run in a transaction: the checks, the drop, then the record.
     */
    void purge(NodeSession session, BinRecord record) throws SQLException {
        String bin = record.bin();
        InDatabaseTransaction.run(session, connection -> {
            ledger.ensure(connection);
            ledger.requireOnlyRecordOf(connection, record);
        });
        if (session.allowsConnections(bin).orElse(false)) {
            throw new BinRefusal(BinRefusal.Reason.CONFLICT, "database " + bin + " of entry " + record.id()
                    + " accepts connections again, so it was reopened after the recycle and is not purged; "
                    + "close it (ALTER DATABASE " + bin + " WITH ALLOW_CONNECTIONS false) or restore it");
        }
        session.dropDatabase(bin);
        InDatabaseTransaction.run(session, connection -> ledger.remove(connection, record.id()));
    }

    /** After a failed recycle: the database accepts connections again, under whichever name it has. */
    private static void reopen(NodeSession session, String database, String bin) {
        try {
            session.allowConnections(session.databaseExists(database) ? database : bin, true);
        } catch (SQLException ignored) {
            // the original failure is what the caller reports
        }
    }
}
