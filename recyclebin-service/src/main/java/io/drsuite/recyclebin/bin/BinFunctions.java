package io.drsuite.recyclebin.bin;

import io.drsuite.clusterclient.sql.NodeSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * The bin's SQL functions in a managed database, for people who use psql: {@code drsuite_recyclebin.recycle_table
 * (regclass)}, the retention it uses and, for the guarded schemas, an event trigger that refuses a plain DROP TABLE
 * with a message naming the function.
 */
@ApplicationScoped
public class BinFunctions {

    private static final String FUNCTIONS_DDL = SqlResource.read("/sql/sql-functions.sql");

    private final BinLedger ledger;

    BinFunctions(BinLedger ledger) {
        this.ledger = ledger;
    }

    /** Installs the functions, the retention and the guard of exactly {@code guardedSchemas} (none: no guard). */
    public void install(NodeSession session, Duration retention, List<String> guardedSchemas) throws SQLException {
        InDatabaseTransaction.run(session, connection -> {
            ledger.ensure(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute(FUNCTIONS_DDL);
                statement.execute("delete from drsuite_recyclebin.guarded_schemas");
                statement.execute("drop event trigger if exists drsuite_recyclebin_guard");
            }
            writeRetention(connection, retention);
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into drsuite_recyclebin.guarded_schemas values (?)")) {
                for (String schema : guardedSchemas) {
                    insert.setString(1, schema);
                    insert.executeUpdate();
                }
            }
            if (!guardedSchemas.isEmpty()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("create event trigger drsuite_recyclebin_guard on sql_drop "
                            + "when tag in ('DROP TABLE') execute function drsuite_recyclebin.guard_drop()");
                }
            }
        });
    }

    /** Removes the functions and the guard; the bin and what it holds stay. */
    public void uninstall(NodeSession session) throws SQLException {
        InDatabaseTransaction.run(session, connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("drop event trigger if exists drsuite_recyclebin_guard");
                statement.execute("drop function if exists drsuite_recyclebin.guard_drop()");
                statement.execute("drop function if exists drsuite_recyclebin.recycle_table(regclass)");
                statement.execute("revoke usage on schema drsuite_recyclebin from public");
            }
        });
    }

    /** The retention recycle_table() uses, where the functions are installed. */
    public void updateRetention(NodeSession session, Duration retention) throws SQLException {
        InDatabaseTransaction.run(session, connection -> {
            ledger.ensure(connection);
            writeRetention(connection, retention);
        });
    }

    private static void writeRetention(Connection connection, Duration retention) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("insert into drsuite_recyclebin.settings "
                + "(retention) values (make_interval(secs => ?)) on conflict (only_row) do update set retention = "
                + "excluded.retention")) {
            upsert.setLong(1, retention.toSeconds());
            upsert.executeUpdate();
        }
    }
}
