package io.drsuite.clusterclient.sql;

import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.NodeEndpoint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.postgresql.PGProperty;

/**
 * Opens JDBC sessions to managed nodes with short connect and statement timeouts, so a dead node fails fast.
 * Host, port and database travel as driver properties behind a URL that names nothing: a database name read from a
 * managed cluster (any text, {@code x?PGPORT=1&PGHOST=elsewhere} included) reaches the server as a name and can never
 * become a connection setting. pgjdbc gives settings in the URL priority over properties, so the URL must stay empty.
 *
 * @param applicationName shown in {@code pg_stat_activity} of the managed node
 * @param connectInCaller the connect runs in the caller's thread, bounded by the connect timeout and then the socket
 *     timeout (statement plus connect timeout), instead of in a driver thread that an elapsed login timeout abandons
 *     while it still waits on the node: for a caller that must never have two connects to a node pending at once
 */
public record NodeConnector(Duration connectTimeout, Duration statementTimeout, String applicationName,
        boolean connectInCaller) {

    public NodeConnector(Duration connectTimeout, Duration statementTimeout, String applicationName) {
        this(connectTimeout, statementTimeout, applicationName, false);
    }

    /** A pgjdbc URL with no host, port, database or parameter: everything comes from the properties. */
    private static final String URL_WITHOUT_SETTINGS = "jdbc:postgresql://";

    /** The same connector (timeouts, TLS and every other setting) showing another name in {@code pg_stat_activity}. */
    public NodeConnector withApplicationName(String name) {
        return new NodeConnector(connectTimeout, statementTimeout, name, connectInCaller);
    }

    /** The same connector, connecting in the caller's thread (see {@code connectInCaller}). */
    public NodeConnector connectingInCaller() {
        return new NodeConnector(connectTimeout, statementTimeout, applicationName, true);
    }

    public NodeSession open(NodeEndpoint node, Login login) throws SQLException {
        return open(node, login, "postgres");
    }

    public NodeSession open(NodeEndpoint node, Login login, String database) throws SQLException {
        if (node.host().isEmpty() || node.host().indexOf(',') >= 0) {
            // pgjdbc reads a comma as a list of hosts to try in turn
            throw new SQLException("invalid host name for node " + node.name() + ": " + node.host(), "08001");
        }
        Properties properties = properties(node.host(), String.valueOf(node.port()), login, database);
        Connection connection = DriverManager.getConnection(URL_WITHOUT_SETTINGS, properties);
        connection.setAutoCommit(true);
        return new NodeSession(node, connection);
    }

    private Properties properties(String host, String port, Login login, String database) {
        Properties properties = new Properties();
        properties.setProperty(PGProperty.PG_HOST.getName(), host);
        properties.setProperty(PGProperty.PG_PORT.getName(), port);
        properties.setProperty(PGProperty.PG_DBNAME.getName(), database);
        properties.setProperty("user", login.username());
        properties.setProperty("password", login.password());
        properties.setProperty("connectTimeout", seconds(connectTimeout));
        if (!connectInCaller) {
            properties.setProperty("loginTimeout", seconds(connectTimeout));
        }
        properties.setProperty("socketTimeout", seconds(statementTimeout.plus(connectTimeout)));
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("options", "-c statement_timeout=" + statementTimeout.toMillis());
        return properties;
    }

    /**
     * A session with whichever of {@code nodes} is a primary now, tried in turn, as a client that follows the primary
     * connects ({@code target_session_attrs=primary}). The hosts travel as a list property, each checked as
     * {@link #open(NodeEndpoint, Login, String)} checks one.
     */
    public NodeSession openPrimaryOf(List<? extends NodeEndpoint> nodes, Login login, String database)
            throws SQLException {
        List<String> hosts = new ArrayList<>();
        List<String> ports = new ArrayList<>();
        for (NodeEndpoint node : nodes) {
            if (node.host().isEmpty() || node.host().indexOf(',') >= 0) {
                throw new SQLException("invalid host name for node " + node.name() + ": " + node.host(), "08001");
            }
            hosts.add(node.host());
            ports.add(String.valueOf(node.port()));
        }
        Properties properties = properties(String.join(",", hosts), String.join(",", ports), login, database);
        properties.setProperty(PGProperty.TARGET_SERVER_TYPE.getName(), "primary");
        Connection connection = DriverManager.getConnection(URL_WITHOUT_SETTINGS, properties);
        connection.setAutoCommit(true);
        return new NodeSession(nodes.getFirst(), connection);
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
