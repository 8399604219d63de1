package io.drsuite.recyclebin.bin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The one value of a query that returns one row, its text parameters bound in order. */
final class SingleValue {

    private SingleValue() {
    }

    static long number(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            bind(query, parameters);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    static String text(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            bind(query, parameters);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static void bind(PreparedStatement query, String... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            query.setString(i + 1, parameters[i]);
        }
    }
}
