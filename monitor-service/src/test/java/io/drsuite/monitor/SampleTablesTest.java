package io.drsuite.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.drsuite.events.EventType;
import io.drsuite.events.cluster.ClusterEvents;
import io.drsuite.events.cluster.ClusterRegistered;
import io.drsuite.events.relationship.RelationshipChanged;
import io.drsuite.events.relationship.RelationshipEvents;
import io.drsuite.monitor.health.LatestHealth;
import io.drsuite.monitor.health.NodeHealth;
import io.drsuite.monitor.health.RelationshipHealth;
import io.drsuite.monitor.samples.PartitionRange;
import io.drsuite.monitor.samples.SamplePartition;
import io.drsuite.monitor.samples.SamplePartitions;
import io.drsuite.monitor.samples.SampleTable;
import io.drsuite.monitor.samples.SampleWriter;
import io.drsuite.platform.secrets.SecretSealer;
import io.drsuite.testing.ClusterEventFixtures;
import io.drsuite.testing.PostgresInstance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The sample tables on the real control-plane PostgreSQL: partitioned by time, each poll's samples written in one
 * statement per table into the partition of their time, whole partitions dropped past the raw retention (the test
 * profile: 2 s partitions, 15 s raw retention, maintenance every 3 s) with their relationship samples folded into
 * minutes first, and stray rows moved out of the default partition; a partition a reader holds waits for the next
 * maintenance, folded once. Also the migration of an existing deployment's rows, and what a node and a relationship
 * cost per hour.
 */
@QuarkusTest
class SampleTablesTest {

    private static final Logger LOG = Logger.getLogger(SampleTablesTest.class);
    private static final Duration WITHIN = Duration.ofSeconds(60);

    @Inject
    ObjectMapper json;

    @Inject
    SecretSealer sealer;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    LatestHealth latest;

    @Inject
    SampleWriter writer;

    @Inject
    SamplePartitions partitions;

    @ConfigProperty(name = "drsuite.monitor.samples.partition-width")
    Duration width;

    @Test
    void bothSampleTablesArePartitionedByRangeOfSampledAt() throws SQLException {
        assertThat(rows("""
                select c.relname, p.partstrat, a.attname
                  from pg_partitioned_table p
                  join pg_class c on c.oid = p.partrelid
                  join pg_attribute a on a.attrelid = p.partrelid and a.attnum = p.partattrs[0]
                 where c.relnamespace = 'monitor'::regnamespace order by 1""")).containsExactly(
                List.of("node_sample", "r", "sampled_at"), List.of("relationship_sample", "r", "sampled_at"));
        for (SampleTable table : SampleTable.values()) {
            List<SamplePartition> made = QuarkusTransaction.requiringNew().call(() -> partitions.list(table));
            assertThat(made).as("partitions of %s from now on", table.table())
                    .anyMatch(partition -> partition.range().to().isAfter(Instant.now().plus(width)));
            assertThat(rows("select count(*) from pg_inherits where inhparent = cast(? as regclass)",
                    table.table()).getFirst().getFirst()).isEqualTo(made.size() + 1L);
        }
        assertThat(rows("""
                select indexrelid::regclass::text from pg_index
                 where indrelid in ('node_sample'::regclass, 'relationship_sample'::regclass)""")).as("only the "
                + "history's key").containsExactly(List.of("relationship_sample_pkey"));
    }

    /**
     * Two nodes and two relationships between them: every poll's node samples share one command id in the poll's
     * transaction (one statement), and so do its relationship samples; each row is in the partition named for its
     * time. Then one relationship stops: its partitions are dropped whole, and every sample it had is counted in its
     * per-minute rows, none lost and none twice. The polls' real figures also give the cost per node per hour.
     */
    @Test
    void aPollWritesOneStatementPerTableAndRetentionDropsWholePartitions() throws Exception {
        try (PostgresInstance primary = PostgresInstance.primary("part-prod");
                PostgresInstance standby = primary.standby("part-dr")) {
            register("part-prod", primary);
            register("part-dr", standby);
            UUID kept = UUID.randomUUID();
            UUID stopped = UUID.randomUUID();
            announce(kept, "part-rel-kept", "active");
            announce(stopped, "part-rel-stopped", "active");

            await().atMost(WITHIN).until(() -> pollsWithBoth("""
                    select xmin::text, count(*), count(distinct cmin::text), count(distinct cluster_name)
                      from node_sample where cluster_name in ('part-prod', 'part-dr') group by 1""") >= 3
                    && pollsWithBoth("""
                    select xmin::text, count(*), count(distinct cmin::text), count(distinct relationship_id)
                      from relationship_sample where relationship_id in ('%s', '%s') group by 1"""
                    .formatted(kept, stopped)) >= 3);
            assertThat(rows("""
                    select xmin::text, count(distinct cmin::text) from node_sample
                     where cluster_name in ('part-prod', 'part-dr') group by 1""")).as("one statement per poll")
                    .allSatisfy(poll -> assertThat(poll.get(1)).isEqualTo(1L));
            assertThat(rows("""
                    select xmin::text, count(distinct cmin::text) from relationship_sample
                     where relationship_id in (?, ?) group by 1""", kept, stopped)).as("one statement per poll")
                    .allSatisfy(poll -> assertThat(poll.get(1)).isEqualTo(1L));
            rowsAreInThePartitionOfTheirTime(SampleTable.NODE,
                    "select tableoid::regclass::text, sampled_at from node_sample where cluster_name = 'part-prod'");
            rowsAreInThePartitionOfTheirTime(SampleTable.RELATIONSHIP,
                    "select tableoid::regclass::text, sampled_at from relationship_sample where relationship_id = '"
                            + kept + "'");

            costPerHour(latest.nodesOf("part-prod").getFirst(), latest.nodesOf("part-dr").getFirst(),
                    latest.relationship(kept).orElseThrow());

            announce(stopped, "part-rel-stopped", "stopped");
            await().atMost(WITHIN).until(() -> ((Instant) rows("select max(sampled_at) from relationship_sample "
                    + "where relationship_id = ?", stopped).getFirst().getFirst())
                    .isBefore(Instant.now().minusSeconds(3)));
            String counted = """
                    select (select coalesce(sum(samples), 0) from relationship_sample_minute where relationship_id = ?)
                         + (select count(*) from relationship_sample where relationship_id = ?)""";
            Object everySample = rows(counted, stopped, stopped).getFirst().getFirst();
            List<Object> itsPartitions = rows("select distinct tableoid::regclass::text from relationship_sample "
                    + "where relationship_id = ?", stopped).stream().map(List::getFirst).toList();
            assertThat(itsPartitions).isNotEmpty();

            await().atMost(WITHIN).until(() -> rows("select count(*) from relationship_sample where "
                    + "relationship_id = ?", stopped).getFirst().getFirst().equals(0L));
            assertThat(rows("select count(*) from pg_class where relname = any(?)",
                    (Object) itsPartitions.toArray(String[]::new)).getFirst().getFirst()).as("dropped, not detached")
                    .isEqualTo(0L);
            assertThat(rows("select coalesce(sum(samples), 0) from relationship_sample_minute "
                    + "where relationship_id = ?", stopped).getFirst().getFirst()).as("every sample in a minute, once")
                    .isEqualTo(everySample);
            assertThat(rows("select count(*) from relationship_sample where relationship_id = ?", kept)
                    .getFirst().getFirst()).as("the other relationship's recent samples stay")
                    .isNotEqualTo(0L);
        }
    }

    /**
     * A row of a time no partition covers (an hour ago) lands in the default partition, is moved into a partition of
     * its own by the next maintenance, which is then past the raw retention: the relationship sample ends up in its
     * minute, and the default partitions are empty again.
     */
    @Test
    void aRowOfATimeWithoutPartitionIsMovedOutOfTheDefaultPartitionAndExpires() throws SQLException {
        UUID relationship = UUID.randomUUID();
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        assertThat(rows("""
                insert into relationship_sample (sampled_at, lag_bytes, relationship_id, primary_state, dr_state)
                values (?, 4096, ?, 'archive', 'recovery') returning tableoid::regclass::text""",
                OffsetDateTime.ofInstant(anHourAgo, ZoneOffset.UTC), relationship).getFirst().getFirst())
                .isEqualTo("relationship_sample_default");
        assertThat(rows("""
                insert into node_sample (sampled_at, reachable, cluster_name, node_name)
                values (?, true, 'default-test', 'default-test') returning tableoid::regclass::text""",
                OffsetDateTime.ofInstant(anHourAgo, ZoneOffset.UTC)).getFirst().getFirst())
                .isEqualTo("node_sample_default");

        await().atMost(WITHIN).until(() -> !rows("select samples, max_lag_bytes from relationship_sample_minute "
                + "where relationship_id = ?", relationship).isEmpty());
        assertThat(rows("select minute, samples, max_lag_bytes from relationship_sample_minute where relationship_id"
                + " = ?", relationship)).containsExactly(List.of(anHourAgo.truncatedTo(ChronoUnit.MINUTES), 1, 4096L));
        assertThat(rows("select count(*) from relationship_sample where relationship_id = ?", relationship)
                .getFirst().getFirst()).isEqualTo(0L);
        await().atMost(WITHIN).until(() -> rows("select count(*) from node_sample where cluster_name = "
                + "'default-test'").getFirst().getFirst().equals(0L));
        assertThat(rows("select (select count(*) from node_sample_default) + (select count(*) from "
                + "relationship_sample_default)").getFirst().getFirst()).isEqualTo(0L);
    }

    /**
     * A partition past the retention that a long reader holds cannot be dropped: the drop waits at most the lock
     * timeout (2 s, so polls queue no longer behind it), its transaction rolls back with the fold, and the failure
     * is logged; once the reader is gone the next maintenance drops it, its samples folded into minutes once.
     */
    @Test
    void aPartitionAReaderHoldsIsDroppedOnceItIsFreeAndFoldedOnce() throws Exception {
        UUID relationship = UUID.randomUUID();
        String partition = (String) rows("""
                insert into relationship_sample (sampled_at, lag_bytes, relationship_id, primary_state, dr_state)
                values (now(), 8192, ?, 'archive', 'recovery') returning tableoid::regclass::text""", relationship)
                .getFirst().getFirst();
        assertThat(partition).isNotEqualTo("relationship_sample_default");
        long logBefore = Files.size(Path.of("target/test-service.log"));

        try (Connection reader = dataSource.getConnection()) {
            reader.setAutoCommit(false);
            try (var statement = reader.createStatement()) {
                statement.executeQuery("select count(*) from " + partition).close();
            }
            // past the raw retention (15 s) and at least two maintenance runs (every 3 s) that tried it
            await().atMost(WITHIN).until(() -> Files.readString(Path.of("target/test-service.log"))
                    .substring((int) logBefore).matches("(?s).*Sample retention failed.*lock timeout.*"));
            assertThat(rows("select count(*) from pg_class where relname = ?", partition).getFirst().getFirst())
                    .as("still there while held").isEqualTo(1L);
            assertThat(rows("select count(*) from relationship_sample_minute where relationship_id = ?",
                    relationship).getFirst().getFirst()).as("the fold rolled back with the drop").isEqualTo(0L);
            reader.rollback();
        }

        await().atMost(WITHIN).until(() -> rows("select count(*) from pg_class where relname = ?", partition)
                .getFirst().getFirst().equals(0L));
        assertThat(rows("select samples, max_lag_bytes from relationship_sample_minute where relationship_id = ?",
                relationship)).as("folded once").containsExactly(List.of(1, 8192L));
    }

    /**
     * An existing deployment's samples survive the migration to partitioned tables, in a schema of their own: the
     * rows, the relationship samples' ids, and new ids after the highest.
     */
    @Test
    void theMigrationKeepsTheRowsOfAnExistingDeployment() throws SQLException {
        String schema = "monitor_migration_test";
        Flyway.configure().dataSource(dataSource).schemas(schema).locations("db/migration").target("9")
                .cleanDisabled(false).load().migrate();
        try {
            UUID relationship = UUID.randomUUID();
            execute("insert into " + schema + ".node_sample (cluster_name, node_name, sampled_at, reachable) "
                    + "select 'old', 'old', now() - g * interval '2 s', true from generate_series(1, 50) g");
            execute("insert into " + schema + ".relationship_sample (relationship_id, sampled_at, primary_state, "
                    + "dr_state) select '" + relationship + "', now() - g * interval '2 s', 'archive', 'recovery' "
                    + "from generate_series(1, 50) g");
            Object highest = rows("select max(id) from " + schema + ".relationship_sample").getFirst().getFirst();

            Flyway.configure().dataSource(dataSource).schemas(schema).locations("db/migration").target("10")
                    .load().migrate();
            assertThat(rows("select count(*) from " + schema + ".node_sample_default").getFirst().getFirst())
                    .isEqualTo(50L);
            assertThat(rows("select count(*), max(id) from " + schema + ".relationship_sample_default").getFirst())
                    .containsExactly(50L, highest);
            assertThat(rows("insert into " + schema + ".relationship_sample (relationship_id, sampled_at, "
                    + "primary_state, dr_state) values (?, now(), 'archive', 'recovery') returning id", relationship)
                    .getFirst().getFirst()).isEqualTo((Long) highest + 1);
            assertThat(rows("select count(*) from pg_partitioned_table where partrelid in (cast(? as regclass), "
                    + "cast(? as regclass))", schema + ".node_sample", schema + ".relationship_sample")
                    .getFirst().getFirst()).isEqualTo(2L);
        } finally {
            execute("drop schema " + schema + " cascade");
        }
    }

    private void rowsAreInThePartitionOfTheirTime(SampleTable table, String query) throws SQLException {
        List<List<Object>> found = rows(query);
        assertThat(found).isNotEmpty().allSatisfy(row -> assertThat(row.getFirst()).isEqualTo(
                table.partitionFrom(PartitionRange.slotOf((Instant) row.get(1), width).from())));
    }

    /**
     * Rows and bytes per node (and per relationship) per hour at the default poll interval (2 s, 1800 polls): the
     * polls' real samples written again in one spare partition, measured with pg_total_relation_size and dropped.
     */
    private void costPerHour(NodeHealth primary, NodeHealth standby, RelationshipHealth relationship)
            throws SQLException {
        int polls = 1800;
        Instant hour = Instant.parse("2100-01-01T00:00:00Z");
        QuarkusTransaction.requiringNew().run(() -> {
            partitions.lock(SampleTable.NODE);
            partitions.cover(SampleTable.NODE, PartitionRange.slotOf(hour, width));
        });
        QuarkusTransaction.requiringNew().run(() -> {
            partitions.lock(SampleTable.RELATIONSHIP);
            partitions.cover(SampleTable.RELATIONSHIP, PartitionRange.slotOf(hour, width));
        });
        try {
            for (int poll = 0; poll < polls; poll++) {
                Instant at = hour.plus(poll, ChronoUnit.MILLIS);
                QuarkusTransaction.requiringNew().run(() -> {
                    writer.writeNodes(List.of(at(primary, at), at(standby, at)));
                    writer.writeRelationships(List.of(at(relationship, at)));
                });
            }
            List<Object> sizes = rows("select pg_total_relation_size(cast(? as regclass)), "
                    + "pg_total_relation_size(cast(? as regclass))", SampleTable.NODE.partitionFrom(hour),
                    SampleTable.RELATIONSHIP.partitionFrom(hour)).getFirst();
            long nodeBytes = (Long) sizes.get(0) / 2;
            long relationshipBytes = (Long) sizes.get(1);
            LOG.infof("Samples per hour at a 2 s poll interval: %d rows and %d bytes per node, %d rows and %d bytes "
                    + "per relationship", polls, nodeBytes, polls, relationshipBytes);
            assertThat(nodeBytes).as("a node's hour").isBetween(100_000L, 600_000L);
            assertThat(relationshipBytes).as("a relationship's hour").isBetween(100_000L, 600_000L);
        } finally {
            for (SampleTable table : SampleTable.values()) {
                QuarkusTransaction.requiringNew().run(() -> {
                    partitions.lock(table);
                    partitions.list(table).stream().filter(partition -> !partition.range().from().isBefore(hour))
                            .forEach(partitions::drop);
                });
            }
        }
    }

    private static NodeHealth at(NodeHealth node, Instant at) {
        return new NodeHealth(node.cluster(), node.node(), at, node.reachable(), node.error(), node.inRecovery(),
                node.timeline(), node.currentLsn(), node.receiveLsn(), node.replayLsn(), node.lastReplayAt(),
                node.walReceiver(), node.slotRetainedBytes(), node.inactiveSlots(), node.standbys(), node.slots(),
                node.slotWalCapBytes(), node.upstream());
    }

    private static RelationshipHealth at(RelationshipHealth health, Instant at) {
        return new RelationshipHealth(health.relationshipId(), health.name(), at, health.lagBytes(),
                health.lagSeconds(), health.rpoEstimateSeconds(), health.primaryState(), health.drState(),
                health.reason());
    }

    /** How many polls (transactions) wrote a row for both subjects, each poll's rows in one statement. */
    private long pollsWithBoth(String perTransaction) throws SQLException {
        return rows(perTransaction).stream().filter(poll -> poll.get(1).equals(2L) && poll.get(3).equals(2L)).count();
    }

    private void register(String name, PostgresInstance node) {
        ClusterRegistered registered = ClusterEventFixtures.registered(name, sealer, node);
        publish(ClusterEvents.REGISTERED, registered.clusterId(), registered);
    }

    private void announce(UUID relationship, String name, String phase) {
        publish(RelationshipEvents.CHANGED, relationship, new RelationshipChanged(relationship, name, phase,
                "part-prod", "part-dr", "async", "archive", "recovery", Instant.now()));
    }

    private <P> void publish(EventType<P> type, UUID key, P payload) {
        ClusterEventFixtures.publish(type, key, payload, json);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Every row of the query; timestamps as instants. */
    private List<List<Object>> rows(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof String[] array) {
                    statement.setArray(i + 1, connection.createArrayOf("text", array));
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int column = 1; column <= columns; column++) {
                        Object value = result.getObject(column);
                        row.add(value instanceof java.sql.Timestamp timestamp ? timestamp.toInstant() : value);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}
