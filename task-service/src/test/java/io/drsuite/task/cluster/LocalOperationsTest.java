package io.drsuite.task.cluster;

import static io.drsuite.task.dr.DrFixture.awaitSucceeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drsuite.events.task.ClusterTasks;
import io.drsuite.events.task.DrTasks;
import io.drsuite.events.task.TaskRequested;
import io.drsuite.task.dr.DrFixture;
import io.drsuite.testing.ClusterEventFixtures;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.RegistryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The in-cluster operations against real PostgreSQL 15 clusters of three nodes (primary, synchronous standby,
 * asynchronous standby) on loopback: switchover under a committing client and failover after kill -9 of the primary,
 * with the DR main standby of a relationship following each new primary; rebuild with pg_rewind and, when the rewind
 * is impossible, with a full build; adding a node.
 */
@QuarkusTest
class LocalOperationsTest {

    @Inject
    RegistryFixture registry;

    DrFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new DrFixture(registry);
    }

    @Test
    void switchoverThenFailoverInsideAClusterKeepTheStandbysAndTheDrSideStreaming() throws Exception {
        String relationship = "lo-rel-a";
        String drSlot = DrTasks.slotName(relationship);
        try (PostgresInstance p1 = PostgresInstance.primary("lo-a1");
                PostgresInstance p2 = p1.standby("lo-a2", ClusterTasks.standbyName("lo-a2"));
                PostgresInstance p3 = p1.standby("lo-a3", ClusterTasks.standbyName("lo-a3"));
                PostgresInstance dr = PostgresInstance.primary("lo-dra")) {
            p1.execute("create table ledger (id int primary key)",
                    "alter system set synchronous_standby_names = 'ANY 1 (\"drsuite_node_lo_a2\")'",
                    "select pg_reload_conf()");
            fixture.register("lo-a", p1, p2, p3);
            fixture.register("lo-dra", dr);
            awaitSucceeded(request(DrTasks.START, "lo-a", Map.of(DrTasks.PRIMARY_CLUSTER, "lo-a"), relationship,
                    "lo-dra"));
            assertThat(p1.streamingStandbys()).containsEntry(ClusterTasks.standbyName("lo-a2"), "quorum")
                    .containsKeys(ClusterTasks.standbyName("lo-a3"), drSlot);

            // a local switchover under a committing client
            Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread writer = Thread.ofVirtual().start(() -> commitUntilRefused(p1, acknowledged, writing));
            await().atMost(Duration.ofSeconds(10)).until(() -> acknowledged.size() > 50);

            JsonPath switchover = awaitSucceeded(request(ClusterTasks.SWITCHOVER, "lo-a", Map.of(
                    ClusterTasks.TO_NODE, "lo-a2", ClusterTasks.SYNC_STANDBY_COUNT, "1",
                    ClusterTasks.SYNC_STANDBY_NODES, "lo-a1,lo-a2"), relationship, "lo-dra"));
            writing.set(false);
            writer.join();

            assertThat(switchover.getList("steps.name")).containsExactly("check-ready", "prepare", "stop-primary",
                    "verify-caught-up", "promote-standby", "demote-old-primary", "repoint-standbys", "repoint-dr",
                    "sync-settings", "point-dns");
            assertThat(switchover.getMap("steps.find { it.name == 'promote-standby' }.artifacts"))
                    .containsEntry(ClusterTasks.NEW_PRIMARY, "lo-a2").containsEntry(ClusterTasks.OLD_PRIMARY, "lo-a1")
                    .containsKey(DrTasks.PROMOTED_AT);
            assertThat(p2.inRecovery()).isFalse();
            assertThat(p1.inRecovery()).isTrue();
            assertThat(acknowledged).hasSizeGreaterThan(50);
            assertEveryCommitOn(p2, acknowledged);
            assertThat(p2.streamingStandbys()).as("old primary, other standby and DR main standby stream from lo-a2")
                    .containsKeys(ClusterTasks.standbyName("lo-a1"), ClusterTasks.standbyName("lo-a3"), drSlot);
            await().atMost(Duration.ofSeconds(10)).until(() -> "quorum".equals(p2.streamingStandbys()
                    .get(ClusterTasks.standbyName("lo-a1"))));
            assertThat(p3.inRecovery()).isTrue();
            p2.execute("insert into ledger values (-1)");
            await().atMost(Duration.ofSeconds(20)).until(() -> dr.count("ledger where id = -1") == 1
                    && p1.count("ledger where id = -1") == 1 && p3.count("ledger where id = -1") == 1);

            // relationship-service folds the new roles into the registry; then the new primary is lost
            registry.changeNodes("lo-a", "lo-a2");
            p3.stop();
            p2.execute("insert into ledger select -g from generate_series(2, 100) g");
            await().atMost(Duration.ofSeconds(20)).until(() -> p1.count("ledger where id < 0") == 100);
            // lo-a1 stops receiving; a last commit reaches only the DR side, so lo-a2 and the DR node diverge
            p1.execute("alter system set primary_conninfo = ''", "select pg_reload_conf()");
            await().atMost(Duration.ofSeconds(20)).until(() -> !p2.streamingStandbys()
                    .containsKey(ClusterTasks.standbyName("lo-a1")));
            try (Connection connection = p2.connect("postgres"); Statement statement = connection.createStatement()) {
                statement.execute("set synchronous_commit = local");
                statement.execute("insert into ledger values (-5000)");
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> dr.count("ledger where id = -5000") == 1);
            p2.killPostmaster();
            p3.start();

            JsonPath failover = awaitSucceeded(request(ClusterTasks.FAILOVER, "lo-a", Map.of(), relationship,
                    "lo-dra"));

            assertThat(failover.getList("steps.name")).containsExactly("check-candidates", "fence-old-primary",
                    "promote-standby", "repoint-standbys", "repoint-dr", "sync-settings", "point-dns");
            assertThat(failover.getMap("steps.find { it.name == 'check-candidates' }.artifacts"))
                    .as("the most advanced standby, not the one stopped before the last writes")
                    .containsEntry("candidate", "lo-a1");
            assertThat(failover.getMap("steps.find { it.name == 'promote-standby' }.artifacts"))
                    .containsEntry(ClusterTasks.NEW_PRIMARY, "lo-a1").containsEntry(ClusterTasks.OLD_PRIMARY, "lo-a2")
                    .hasEntrySatisfying(DrTasks.ESTIMATED_DATA_LOSS_BYTES, bytes -> assertThat(Long.parseLong(
                            (String) bytes)).as("the commit only the DR side received").isPositive());
            assertThat(failover.getMap("steps.find { it.name == 'repoint-standbys' }.artifacts"))
                    .containsEntry("repoint.lo-a3", "repointed").containsEntry("repoint.lo-a2", "skipped");
            assertThat(failover.getMap("steps.find { it.name == 'repoint-dr' }.artifacts"))
                    .as("the DR node received WAL the new primary never had")
                    .containsEntry("repoint.lo-dra", "rewound");
            assertThat(p1.inRecovery()).isFalse();
            assertThat(p2.answers()).as("the lost primary stays down").isFalse();
            assertThat(p1.streamingStandbys()).containsKeys(ClusterTasks.standbyName("lo-a3"), drSlot);
            p1.execute("insert into ledger values (-1000)");
            await().atMost(Duration.ofSeconds(20)).until(() -> dr.count("ledger where id = -1000") == 1
                    && p3.count("ledger where id < 0") == 101);
            assertThat(dr.count("ledger where id = -5000")).as("rewound to the new primary's history").isZero();

            // the former primary comes back as a standby, rewound
            registry.changeNodes("lo-a", "lo-a1");
            JsonPath rebuild = awaitSucceeded(request(ClusterTasks.REBUILD_NODE, "lo-a", Map.of(ClusterTasks.NODE,
                    "lo-a2", ClusterTasks.REBUILD_MODE, "auto")));

            assertThat(rebuild.getMap("steps.find { it.name == 'rebuild-node' }.artifacts"))
                    .containsEntry(DrTasks.REBUILD_METHOD, "rewind");
            assertThat(p2.inRecovery()).isTrue();
            assertThat(p2.count("ledger where id = -5000")).as("the diverged commit was rewound away").isZero();
            assertThat(p1.streamingStandbys()).containsKey(ClusterTasks.standbyName("lo-a2"));
            p1.execute("insert into ledger values (-1001)");
            await().atMost(Duration.ofSeconds(20)).until(() -> p2.count("ledger where id = -1001") == 1);
            removeKeptData(p1, p2, p3, dr);
        }
    }

    @Test
    void rebuildFallsBackToAFullBuildWhenTheRewindIsImpossibleAndANewNodeIsBuilt() throws Exception {
        try (PostgresInstance b1 = PostgresInstance.primary("lo-b1");
                PostgresInstance b2 = b1.standby("lo-b2", ClusterTasks.standbyName("lo-b2"));
                PostgresInstance b3 = b1.standby("lo-b3", ClusterTasks.standbyName("lo-b3"));
                PostgresInstance b4 = PostgresInstance.unbuilt("lo-b4");
                PostgresInstance stranger = PostgresInstance.primary("lo-bx")) {
            b1.execute("create table t (id int)", "insert into t select generate_series(1, 1000)");
            stranger.execute("create table mine (id int)", "insert into mine values (1)");
            // With a replication login the cluster does not have yet: the tasks create it on the primary.
            registry.register(ClusterEventFixtures.withReplicationLogin(ClusterEventFixtures.registered("lo-b",
                    registry.sealer(), b1, b2, b3), "lo_b_repl", "lo-b-repl-pw", registry.sealer()));

            JsonPath primary = DrFixture.awaitDone(request(ClusterTasks.REBUILD_NODE, "lo-b",
                    Map.of(ClusterTasks.NODE, "lo-b1")), Duration.ofMinutes(1));
            assertThat(primary.getString("state")).isEqualTo("failed");
            assertThat(primary.getString("failedStep")).isEqualTo("check-node");
            assertThat(b1.inRecovery()).isFalse();

            // a switchover whose standby cannot replay the shutdown checkpoint restarts the old primary
            b2.execute("select pg_wal_replay_pause()");
            JsonPath stalled = DrFixture.awaitDone(request(ClusterTasks.SWITCHOVER, "lo-b", 15,
                    Map.of(ClusterTasks.TO_NODE, "lo-b2")), Duration.ofMinutes(2));
            assertThat(stalled.getString("state")).isEqualTo("failed");
            assertThat(stalled.getString("failedStep")).isEqualTo("verify-caught-up");
            assertThat(stalled.getBoolean("rolledBack")).isTrue();
            assertThat(b1.inRecovery()).isFalse();
            b1.execute("insert into t values (0)");
            assertThat(b2.inRecovery()).isTrue();
            b2.execute("select pg_wal_replay_resume()");
            await().atMost(Duration.ofSeconds(20)).until(() -> b2.count("t") == 1001 && b3.count("t") == 1001);
            assertThat(b2.count("pg_replication_slots")).as("the slots prepared on lo-b2 are dropped").isZero();

            // a crashed standby without its WAL cannot be rewound
            b2.killPostmaster();
            await().atMost(Duration.ofSeconds(10)).until(() -> !b2.answers());
            emptyWalFolder(b2);
            b1.execute("insert into t select generate_series(1001, 1099)");

            JsonPath incremental = DrFixture.awaitDone(request(ClusterTasks.REBUILD_NODE, "lo-b", Map.of(
                    ClusterTasks.NODE, "lo-b2", ClusterTasks.REBUILD_MODE, "incremental")), Duration.ofMinutes(2));
            assertThat(incremental.getString("state")).isEqualTo("failed");
            assertThat(incremental.getString("failedStep")).isEqualTo("rebuild-node");

            JsonPath auto = awaitSucceeded(request(ClusterTasks.REBUILD_NODE, "lo-b", Map.of(ClusterTasks.NODE,
                    "lo-b2", ClusterTasks.REBUILD_MODE, "auto")));
            assertThat(auto.getMap("steps.find { it.name == 'rebuild-node' }.artifacts"))
                    .containsEntry(DrTasks.REBUILD_METHOD, "full");
            assertThat(b2.inRecovery()).isTrue();
            assertThat(b2.count("t")).isEqualTo(1100);
            assertThat(b1.streamingStandbys()).containsKeys(ClusterTasks.standbyName("lo-b2"),
                    ClusterTasks.standbyName("lo-b3"));

            // a node registered with no data directory yet; one whose directory holds another server is refused
            registry.changeNodes("lo-b", "lo-b1", b4, stranger);
            JsonPath running = DrFixture.awaitDone(request(ClusterTasks.ADD_NODE, "lo-b", Map.of(ClusterTasks.NODE,
                    "lo-bx")), Duration.ofMinutes(1));
            assertThat(running.getString("state")).isEqualTo("failed");
            assertThat(running.getString("error")).contains("a server runs");
            stranger.stop();
            JsonPath otherSystem = DrFixture.awaitDone(request(ClusterTasks.ADD_NODE, "lo-b", Map.of(
                    ClusterTasks.NODE, "lo-bx")), Duration.ofMinutes(1));
            assertThat(otherSystem.getString("state")).isEqualTo("failed");
            assertThat(otherSystem.getString("error")).contains("data of system");
            stranger.start();
            assertThat(stranger.count("mine")).isEqualTo(1);

            JsonPath add = awaitSucceeded(request(ClusterTasks.ADD_NODE, "lo-b", Map.of(ClusterTasks.NODE,
                    "lo-b4")));
            assertThat(add.getList("steps.name")).containsExactly("check-node", "build-node", "wait-for-streaming");
            assertThat(b1.streamingStandbys()).containsKey(ClusterTasks.standbyName("lo-b4"));
            assertThat(b4.inRecovery()).isTrue();
            b1.execute("insert into t values (1101)");
            await().atMost(Duration.ofSeconds(20)).until(() -> b4.count("t") == 1101);
            removeKeptData(b1, b2, b3, b4, stranger);
        }
    }

    /** Requests an in-cluster task as relationship-service does; with a relationship, the DR side is locked too. */
    private UUID request(String type, String cluster, Map<String, String> extra, String... relationshipAndDr) {
        return request(type, cluster, 600, extra, relationshipAndDr);
    }

    private UUID request(String type, String cluster, int timeoutSeconds, Map<String, String> extra,
            String... relationshipAndDr) {
        Map<String, String> parameters = new HashMap<>(extra);
        parameters.put(ClusterTasks.CLUSTER, cluster);
        List<String> clusters = new ArrayList<>(List.of(cluster));
        if (relationshipAndDr.length == 2) {
            parameters.put(DrTasks.RELATIONSHIP_ID, relationshipAndDr[0]);
            parameters.put(DrTasks.RELATIONSHIP_NAME, relationshipAndDr[0]);
            parameters.put(DrTasks.DR_CLUSTER, relationshipAndDr[1]);
            parameters.putIfAbsent(DrTasks.SYNC_MODE, "async");
            clusters.add(relationshipAndDr[1]);
        }
        TaskRequested request = new TaskRequested(UUID.randomUUID(), type, cluster, clusters, parameters,
                timeoutSeconds, Instant.now());
        fixture.send(request);
        return request.taskId();
    }

    /** Deletes the data directories the builds set aside next to the nodes' (kept for the retention otherwise). */
    private static void removeKeptData(PostgresInstance... nodes) throws IOException {
        for (PostgresInstance node : nodes) {
            String prefix = node.dataDirectory().getFileName() + ".drsuite-";
            try (Stream<Path> siblings = Files.list(node.dataDirectory().getParent())) {
                for (Path kept : siblings.filter(path -> path.getFileName().toString().startsWith(prefix)).toList()) {
                    try (Stream<Path> tree = Files.walk(kept)) {
                        for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                            Files.delete(path);
                        }
                    }
                }
            }
        }
    }

    private static void emptyWalFolder(PostgresInstance node) throws IOException {
        try (Stream<Path> files = Files.list(node.dataDirectory().resolve("pg_wal"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.delete(file);
            }
        }
    }

    private static void assertEveryCommitOn(PostgresInstance node, Set<Integer> acknowledged) throws SQLException {
        try (Connection connection = node.connect("postgres");
                PreparedStatement statement = connection.prepareStatement("select 1 from ledger where id = ?")) {
            for (int id : acknowledged) {
                statement.setInt(1, id);
                try (var row = statement.executeQuery()) {
                    assertThat(row.next()).as("commit %d on the new primary", id).isTrue();
                }
            }
        }
    }

    private static void commitUntilRefused(PostgresInstance primary, Set<Integer> acknowledged, AtomicBoolean writing) {
        int next = 1;
        try (Connection connection = primary.connect("postgres")) {
            while (writing.get()) {
                try (PreparedStatement statement = connection.prepareStatement("insert into ledger values (?)")) {
                    statement.setInt(1, next);
                    statement.executeUpdate();
                    acknowledged.add(next);
                    next++;
                }
            }
        } catch (SQLException refused) {
            // the primary went down for the switchover; what was acknowledged so far is what must survive
        }
    }
}
