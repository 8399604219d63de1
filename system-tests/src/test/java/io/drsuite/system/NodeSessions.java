package io.drsuite.system;

import io.drsuite.testing.PostgresInstance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sessions on the nodes of a fleet, read through one superuser connection per node held open from start to end,
 * so that reading opens no session of its own: how many sessions each node has had ({@code pg_stat_database}) and
 * which monitor-service replicas hold one on it now ({@code pg_stat_activity}: a replica's monitoring sessions carry
 * the application name {@code drsuite-monitor/<instance-id>}).
 */
final class NodeSessions implements AutoCloseable {

    static final String MONITOR_APPLICATION_PREFIX = "drsuite-monitor/";

    private static final String SESSIONS_SO_FAR = "select coalesce(sum(sessions), 0) from pg_stat_database";
    private static final String MONITOR_SESSIONS = """
            select substr(application_name, length(?) + 1), count(*)
              from pg_stat_activity
             where starts_with(application_name, ?)
             group by 1""";

    private final Map<String, Connection> connections;

    private NodeSessions(Map<String, Connection> connections) {
        this.connections = connections;
    }

    static NodeSessions open(Iterable<PostgresInstance> nodes) throws SQLException {
        Map<String, Connection> connections = new LinkedHashMap<>();
        try {
            for (PostgresInstance node : nodes) {
                connections.put(node.name(), node.connect("postgres"));
            }
        } catch (SQLException e) {
            new NodeSessions(connections).close();
            throw e;
        }
        return new NodeSessions(connections);
    }

    /** Per node: the sessions it has had since it started, in all its databases (this reader's one included). */
    Map<String, Long> sessionsSoFar() throws SQLException {
        Map<String, Long> sessions = new TreeMap<>();
        for (Map.Entry<String, Connection> node : connections.entrySet()) {
            try (PreparedStatement statement = node.getValue().prepareStatement(SESSIONS_SO_FAR);
                    ResultSet row = statement.executeQuery()) {
                row.next();
                sessions.put(node.getKey(), row.getLong(1));
            }
        }
        return sessions;
    }

    /**
     * Per node: the monitor-service instance ids with a session on it now, each with its number of sessions. A node
     * that does not answer (a test stopped it) is left out.
     */
    Map<String, Map<String, Integer>> monitorInstances() {
        Map<String, Map<String, Integer>> watchers = new TreeMap<>();
        for (Map.Entry<String, Connection> node : connections.entrySet()) {
            Map<String, Integer> instances = new TreeMap<>();
            try (PreparedStatement statement = node.getValue().prepareStatement(MONITOR_SESSIONS)) {
                statement.setString(1, MONITOR_APPLICATION_PREFIX);
                statement.setString(2, MONITOR_APPLICATION_PREFIX);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        instances.put(rows.getString(1), rows.getInt(2));
                    }
                }
                watchers.put(node.getKey(), instances);
            } catch (SQLException down) {
                // not answering: no reading
            }
        }
        return watchers;
    }

    @Override
    public void close() {
        connections.values().forEach(connection -> {
            try {
                connection.close();
            } catch (SQLException alreadyGone) {
                // the node was stopped first
            }
        });
    }
}
