package io.drsuite.system;

import io.drsuite.testing.LocalInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

/**
 * monitor-service's node samples ({@code monitor.node_sample}) in the control-plane database, read directly: rows
 * written in a window, the table's size on disk with its indexes, and which clusters were sampled after an instant.
 * The table may be partitioned by time: queries on it cover its partitions, and its size is the sum over its
 * partition tree ({@code pg_inherits}).
 */
final class NodeSampleTable {

    private static final String ROWS_BETWEEN =
            "select count(*) from monitor.node_sample where sampled_at >= ? and sampled_at < ?";
    private static final String BYTES = """
            with recursive tree(relid) as (
                select 'monitor.node_sample'::regclass::oid
                union all
                select i.inhrelid from pg_inherits i join tree t on i.inhparent = t.relid)
            select coalesce(sum(pg_total_relation_size(relid)), 0) from tree""";
    private static final String CLUSTERS_SAMPLED_AFTER =
            "select distinct cluster_name from monitor.node_sample where sampled_at > ?";

    private NodeSampleTable() {
    }

    static long rowsBetween(Instant from, Instant to) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(ROWS_BETWEEN)) {
            statement.setObject(1, at(from));
            statement.setObject(2, at(to));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count node samples", e);
        }
    }

    /** Bytes of the table, its indexes and TOAST, over all its partitions. */
    static long bytes() {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(BYTES);
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot measure the node samples", e);
        }
    }

    /** The clusters with at least one node sample taken after {@code instant}. */
    static Set<String> clustersSampledAfter(Instant instant) {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(CLUSTERS_SAMPLED_AFTER)) {
            statement.setObject(1, at(instant));
            Set<String> clusters = new HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    clusters.add(rows.getString(1));
                }
            }
            return clusters;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the node samples", e);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(LocalInfrastructure.jdbcUrl(), LocalInfrastructure.DB_USER,
                LocalInfrastructure.DB_PASSWORD);
    }
}
