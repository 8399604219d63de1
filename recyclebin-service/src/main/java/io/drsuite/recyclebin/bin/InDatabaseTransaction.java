package io.drsuite.recyclebin.bin;

import io.drsuite.clusterclient.sql.NodeSession;
import java.sql.Connection;
import java.sql.SQLException;

/** One transaction on a managed database's session: a change and its record in the ledger commit together. */
final class InDatabaseTransaction {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    interface Change {
        void run(Connection connection) throws SQLException;
    }

    private InDatabaseTransaction() {
    }

    static <T> T call(NodeSession session, Work<T> work) throws SQLException {
        Connection connection = session.connection();
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    static void run(NodeSession session, Change change) throws SQLException {
        call(session, connection -> {
            change.run(connection);
            return null;
        });
    }
}
