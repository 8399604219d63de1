package io.drsuite.system;

import io.drsuite.testing.PostgresInstance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads on the managed clusters that the tests assert on. */
final class Sql {

    private Sql() {
    }

    static long count(PostgresInstance node, String fromWhere) throws SQLException {
        try (Connection connection = node.connect("postgres");
                ResultSet row = connection.createStatement().executeQuery("select count(*) from " + fromWhere)) {
            row.next();
            return row.getLong(1);
        }
    }

    static boolean inRecovery(PostgresInstance node) throws SQLException {
        try (Connection connection = node.connect("postgres");
                ResultSet row = connection.createStatement().executeQuery("select pg_is_in_recovery()")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    static boolean streamsTo(PostgresInstance upstream, String applicationName) throws SQLException {
        try (Connection connection = upstream.connect("postgres");
                PreparedStatement statement = connection.prepareStatement(
                        "select 1 from pg_stat_replication where application_name = ? and state = 'streaming'")) {
            statement.setString(1, applicationName);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }
}
