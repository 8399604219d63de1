package io.drsuite.clusterclient.sql;

import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.NodeEndpoint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * Opens JDBC sessions to managed nodes with short connect and statement timeouts, so a dead node fails fast.
 *
 * @param applicationName shown in {@code pg_stat_activity} of the managed node
 */
public record NodeConnector(Duration connectTimeout, Duration statementTimeout, String applicationName) {

    public NodeSession open(NodeEndpoint node, Login login) throws SQLException {
        return open(node, login, "postgres");
    }

    public NodeSession open(NodeEndpoint node, Login login, String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", login.username());
        properties.setProperty("password", login.password());
        properties.setProperty("connectTimeout", seconds(connectTimeout));
        properties.setProperty("loginTimeout", seconds(connectTimeout));
        properties.setProperty("socketTimeout", seconds(statementTimeout.plus(connectTimeout)));
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("options", "-c statement_timeout=" + statementTimeout.toMillis());
        Connection connection = DriverManager.getConnection(node.jdbcUrl(database), properties);
        connection.setAutoCommit(true);
        return new NodeSession(node, connection);
    }

    /** True when the node accepts a login and answers a query. */
    public boolean answers(NodeEndpoint node, Login login) {
        try (NodeSession session = open(node, login)) {
            session.inRecovery();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static String seconds(Duration duration) {
        return String.valueOf(Math.max(1, duration.toSeconds()));
    }
}
