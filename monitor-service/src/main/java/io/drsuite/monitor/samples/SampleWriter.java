package io.drsuite.monitor.samples;

import io.drsuite.monitor.health.NodeHealth;
import io.drsuite.monitor.health.RelationshipHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * Stores one poll's samples in the poll's transaction: one insert statement for all its node samples and one for all
 * its relationship samples, whatever the size of the fleet. Each column travels as one array parameter, so the
 * statement's text (and its plan) is the same for every poll.
 */
@ApplicationScoped
public class SampleWriter {

    private static final String NODES = """
            insert into node_sample (sampled_at, last_replay_at, slot_retained_bytes, timeline, reachable,
                                     in_recovery, cluster_name, node_name, error, current_lsn, receive_lsn,
                                     replay_lsn, wal_receiver)
            select * from unnest(cast(? as text[])::timestamptz[], cast(? as text[])::timestamptz[],
                                 cast(? as int8[]), cast(? as int4[]), cast(? as bool[]), cast(? as bool[]),
                                 cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                                 cast(? as text[]), cast(? as text[]), cast(? as text[]))""";

    private static final String RELATIONSHIPS = """
            insert into relationship_sample (sampled_at, lag_bytes, lag_seconds, rpo_estimate_seconds,
                                             relationship_id, primary_state, dr_state)
            select * from unnest(cast(? as text[])::timestamptz[], cast(? as int8[]), cast(? as float8[]),
                                 cast(? as float8[]), cast(? as text[])::uuid[], cast(? as text[]),
                                 cast(? as text[]))""";

    private final EntityManager entityManager;

    SampleWriter(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The poll's node samples, in one statement (none when the list is empty). */
    public void writeNodes(List<NodeHealth> nodes) {
        if (nodes.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(NODES)) {
                Columns<NodeHealth> columns = new Columns<>(connection, insert, nodes);
                columns.text(node -> instant(node.sampledAt()));
                columns.text(node -> instant(node.lastReplayAt()));
                columns.typed("int8", NodeHealth::slotRetainedBytes);
                columns.typed("int4", NodeHealth::timeline);
                columns.typed("bool", NodeHealth::reachable);
                columns.typed("bool", NodeHealth::inRecovery);
                columns.text(NodeHealth::cluster);
                columns.text(NodeHealth::node);
                columns.text(NodeHealth::error);
                columns.text(node -> text(node.currentLsn()));
                columns.text(node -> text(node.receiveLsn()));
                columns.text(node -> text(node.replayLsn()));
                columns.text(node -> node.walReceiver() == null ? null : node.walReceiver().wireName());
                insert.executeUpdate();
            }
        });
    }

    /** The poll's relationship samples, in one statement (none when the list is empty). */
    public void writeRelationships(List<RelationshipHealth> relationships) {
        if (relationships.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(RELATIONSHIPS)) {
                Columns<RelationshipHealth> columns = new Columns<>(connection, insert, relationships);
                columns.text(health -> instant(health.sampledAt()));
                columns.typed("int8", RelationshipHealth::lagBytes);
                columns.typed("float8", RelationshipHealth::lagSeconds);
                columns.typed("float8", RelationshipHealth::rpoEstimateSeconds);
                columns.text(health -> health.relationshipId().toString());
                columns.text(health -> health.primaryState().wireName());
                columns.text(health -> health.drState().wireName());
                insert.executeUpdate();
            }
        });
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** Binds the statement's parameters in order, each one column of every row as an array. */
    private static final class Columns<R> {

        private final Connection connection;
        private final PreparedStatement statement;
        private final List<R> rows;
        private int parameter;

        Columns(Connection connection, PreparedStatement statement, List<R> rows) {
            this.connection = connection;
            this.statement = statement;
            this.rows = rows;
        }

        void text(Function<R, String> column) throws SQLException {
            typed("text", column);
        }

        void typed(String type, Function<R, ?> column) throws SQLException {
            Object[] values = rows.stream().map(column).toArray();
            statement.setArray(++parameter, connection.createArrayOf(type, values));
        }
    }
}
