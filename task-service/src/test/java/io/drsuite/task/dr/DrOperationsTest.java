package io.drsuite.task.dr;

import static io.drsuite.task.dr.DrFixture.awaitSucceeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.events.cluster.ClusterRegistered;
import io.drsuite.events.task.DrTasks;
import io.drsuite.testing.ClusterEventFixtures;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.RegistryFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
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
 * DR tasks against real PostgreSQL 15 instances on loopback: start (async, sync, cascaded), switchover under load
 * and back, failover after a crash of the primary and reprotect with pg_rewind, stop.
 */
@QuarkusTest
class DrOperationsTest {

    /** drsuite.tasks.max-slot-wal-keep-size's default, as PostgreSQL shows it. */
    private static final String WAL_CAP = "10GB";

    @Inject
    RegistryFixture registry;

    @Inject
    ReplacedDataSweep sweep;

    DrFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new DrFixture(registry);
    }

    @Test
    void startCopiesEveryRowToAMainAndACascadedStandbyThatRefuseWrites() throws Exception {
        try (PostgresInstance prod = PostgresInstance.primary("prod-a");
                PostgresInstance dr1 = PostgresInstance.primary("dr-a1");
                PostgresInstance dr2 = dr1.standby("dr-a2")) {
            prod.execute("create table orders (id int primary key, item text)",
                    "insert into orders select g, 'item ' || g from generate_series(1, 5000) g");
            dr1.execute("create table local_only (id int)");
            fixture.register("prod-a", prod);
            fixture.register("dr-a", dr1, dr2);

            JsonPath task = awaitSucceeded(fixture.request(DrTasks.START, "rel-a", "prod-a", "dr-a", Map.of()));

            assertThat(task.getList("steps.state")).containsOnly("succeeded");
            assertThat(task.getInt("percent")).isEqualTo(100);
            assertThat(dr1.count("orders")).isEqualTo(5000);
            assertThat(dr2.count("orders")).isEqualTo(5000);
            assertThat(dr1.inRecovery()).isTrue();
            assertThat(dr2.inRecovery()).isTrue();
            assertThat(prod.streamingStandbys()).containsEntry("drsuite_rel_a", "async");
            assertThat(setting(prod, "max_slot_wal_keep_size")).as("the relationship slot's WAL cap")
                    .isEqualTo(WAL_CAP);
            assertThat(dr1.streamingStandbys()).containsKey("drsuite_rel_a_dr_a2");
            assertThatThrownBy(() -> dr1.execute("insert into orders values (0, 'x')"))
                    .hasMessageContaining("read-only");
            assertThat(replacedFolders(dr1)).as("the DR node's previous data, kept for the retention time")
                    .singleElement().satisfies(kept -> assertThat(kept.resolve("PG_VERSION")).exists());
            Path kept = replacedFolders(dr1).getFirst();
            assertThat(task.getMap("steps.find { it.name == 'clean-up' }.artifacts"))
                    .containsEntry("replaced.dr-a1", kept.toString());
            sweep.sweep(Instant.now());
            assertThat(kept).as("kept until the retention has passed").exists();
            sweep.sweep(Instant.now().plus(Duration.ofHours(24)).plusSeconds(60));
            assertThat(kept).doesNotExist();
            assertThat(replacedFolders(dr2)).isEmpty();
            assertThat(QuarkusTransaction.requiringNew().call(() -> ReplacedData.findByPath(kept.toString())
                    .map(ReplacedData::isDeleted))).contains(true);

            prod.execute("insert into orders select g, 'late' from generate_series(5001, 5100) g");
            await().atMost(Duration.ofSeconds(20)).until(() -> dr2.count("orders") == 5100);
        }
    }

    @Test
    void syncStartMakesTheMainStandbySynchronous() throws Exception {
        try (PostgresInstance prod = PostgresInstance.primary("prod-b");
                PostgresInstance dr = PostgresInstance.primary("dr-b")) {
            prod.execute("create table t (id int)", "insert into t select generate_series(1, 100)");
            fixture.register("prod-b", prod);
            fixture.register("dr-b", dr);

            awaitSucceeded(fixture.request(DrTasks.START, "rel-b", "prod-b", "dr-b",
                    Map.of(DrTasks.SYNC_MODE, "sync")));

            assertThat(prod.streamingStandbys()).containsEntry("drsuite_rel_b", "sync");
            prod.execute("insert into t values (101)");
            await().atMost(Duration.ofSeconds(10)).until(() -> dr.count("t") == 101);
        }
    }

    @Test
    void switchoverUnderLoadKeepsEveryAcknowledgedCommitAndSwitchesBack() throws Exception {
        try (PostgresInstance prod = PostgresInstance.primary("prod-c");
                PostgresInstance dr = PostgresInstance.primary("dr-c")) {
            prod.execute("create table ledger (id int primary key)");
            fixture.register("prod-c", prod);
            fixture.register("dr-c", dr);
            awaitSucceeded(fixture.request(DrTasks.START, "rel-c", "prod-c", "dr-c", Map.of()));

            Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread writer = Thread.ofVirtual().start(() -> commitUntilRefused(prod, acknowledged, writing));
            await().atMost(Duration.ofSeconds(10)).until(() -> acknowledged.size() > 50);

            JsonPath switchover = awaitSucceeded(fixture.request(DrTasks.SWITCHOVER, "rel-c", "prod-c", "dr-c",
                    Map.of()));
            writing.set(false);
            writer.join();

            assertThat(switchover.getMap("steps.find { it.name == 'promote-dr' }.artifacts"))
                    .containsKey(DrTasks.PROMOTED_AT);
            assertThat(dr.inRecovery()).isFalse();
            assertThat(prod.inRecovery()).isTrue();
            assertThat(setting(dr, "max_slot_wal_keep_size")).as("the new primary caps its slot's WAL")
                    .isEqualTo(WAL_CAP);
            assertThat(acknowledged).isNotEmpty();
            try (Connection connection = dr.connect("postgres")) {
                for (int id : acknowledged) {
                    try (PreparedStatement statement =
                            connection.prepareStatement("select 1 from ledger where id = ?")) {
                        statement.setInt(1, id);
                        assertThat(statement.executeQuery().next()).as("commit %d on the new primary", id).isTrue();
                    }
                }
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> dr.streamingStandbys().containsKey("drsuite_rel_c"));
            dr.execute("insert into ledger values (-1)");
            await().atMost(Duration.ofSeconds(20)).until(() -> prod.count("ledger where id = -1") == 1);

            awaitSucceeded(fixture.request(DrTasks.SWITCHOVER, "rel-c", "dr-c", "prod-c", Map.of()));

            assertThat(prod.inRecovery()).isFalse();
            assertThat(dr.inRecovery()).isTrue();
            await().atMost(Duration.ofSeconds(20)).until(() -> prod.streamingStandbys().containsKey("drsuite_rel_c"));
        }
    }

    @Test
    void failoverAfterAPrimaryCrashThenReprotectWithRewind() throws Exception {
        try (PostgresInstance prod = PostgresInstance.primary("prod-d");
                PostgresInstance dr = PostgresInstance.primary("dr-d")) {
            prod.execute("create table t (id int)", "insert into t select generate_series(1, 1000)");
            fixture.register("prod-d", prod);
            fixture.register("dr-d", dr);
            awaitSucceeded(fixture.request(DrTasks.START, "rel-d", "prod-d", "dr-d", Map.of()));
            await().atMost(Duration.ofSeconds(20)).until(() -> dr.count("t") == 1000);

            prod.killPostmaster();
            JsonPath failover = awaitSucceeded(fixture.request(DrTasks.FAILOVER, "rel-d", "prod-d", "dr-d", Map.of()));

            assertThat(dr.inRecovery()).isFalse();
            dr.execute("insert into t values (1001)");
            assertThat(dr.count("t")).isEqualTo(1001);
            assertThat(failover.getMap("steps.find { it.name == 'promote-dr' }.artifacts"))
                    .containsKey(DrTasks.ESTIMATED_DATA_LOSS_BYTES);

            JsonPath reprotect = awaitSucceeded(fixture.request(DrTasks.REPROTECT, "rel-d", "dr-d", "prod-d",
                    Map.of()));

            assertThat(reprotect.getMap("steps.find { it.name == 'rewind-main-standby' }.artifacts"))
                    .containsEntry(DrTasks.REBUILD_METHOD, "rewind");
            assertThat(prod.inRecovery()).isTrue();
            assertThat(dr.streamingStandbys()).containsKey("drsuite_rel_d");
            assertThat(setting(dr, "max_slot_wal_keep_size")).as("the reprotected primary caps its slot's WAL")
                    .isEqualTo(WAL_CAP);
            await().atMost(Duration.ofSeconds(20)).until(() -> prod.count("t") == 1001);
        }
    }

    @Test
    void stopPromotesTheDrClusterAndRemovesTheSlotAndAccess() throws Exception {
        try (PostgresInstance prod = PostgresInstance.primary("prod-e");
                PostgresInstance dr = PostgresInstance.primary("dr-e")) {
            fixture.register("prod-e", prod);
            fixture.register("dr-e", dr);
            awaitSucceeded(fixture.request(DrTasks.START, "rel-e", "prod-e", "dr-e", Map.of()));

            awaitSucceeded(fixture.request(DrTasks.STOP, "rel-e", "prod-e", "dr-e",
                    Map.of(DrTasks.PROMOTE_DR, "true")));

            assertThat(dr.inRecovery()).isFalse();
            dr.execute("create table after_stop (id int)");
            assertThat(prod.count("pg_replication_slots where slot_name = 'drsuite_rel_e'")).isZero();
            assertThat(Files.readString(prod.dataDirectory().resolve("pg_hba.conf"))).doesNotContain("drsuite");
            assertThat(prod.streamingStandbys()).isEmpty();
        }
    }

    @Test
    void aSwitchoverThatCannotVerifyTheDrSideCaughtUpRestartsTheOldPrimary() throws Exception {
        try (PostgresInstance prod = PostgresInstance.primary("prod-g");
                PostgresInstance dr = PostgresInstance.primary("dr-g")) {
            prod.execute("create table t (id int)");
            fixture.register("prod-g", prod);
            fixture.register("dr-g", dr);
            awaitSucceeded(fixture.request(DrTasks.START, "rel-g", "prod-g", "dr-g", Map.of()));
            dr.execute("select pg_wal_replay_pause()");

            UUID switchover = fixture.request(DrTasks.SWITCHOVER, "rel-g", "prod-g", "dr-g", Map.of(), 20);
            JsonPath task = DrFixture.awaitDone(switchover, Duration.ofMinutes(2));

            assertThat(task.getString("state")).isEqualTo("failed");
            assertThat(task.getString("failedStep")).isEqualTo("verify-dr-caught-up");
            assertThat(task.getBoolean("rolledBack")).isTrue();
            assertThat(prod.inRecovery()).isFalse();
            prod.execute("insert into t values (1)");
            assertThat(dr.inRecovery()).isTrue();
            dr.execute("select pg_wal_replay_resume()");
            await().atMost(Duration.ofSeconds(30)).until(() -> dr.count("t") == 1);
        }
    }

    @Test
    void switchoverIsRefusedWhileTheDrSideDoesNotStream() throws Exception {
        try (PostgresInstance prod = PostgresInstance.primary("prod-f");
                PostgresInstance dr = PostgresInstance.primary("dr-f")) {
            fixture.register("prod-f", prod);
            fixture.register("dr-f", dr);

            UUID switchover = fixture.request(DrTasks.SWITCHOVER, "rel-f", "prod-f", "dr-f", Map.of());
            JsonPath task = DrFixture.awaitDone(switchover, Duration.ofMinutes(1));

            assertThat(task.getString("state")).isEqualTo("failed");
            assertThat(task.getString("failedStep")).isEqualTo("check-ready");
            assertThat(task.getString("error")).contains("not streaming");
            assertThat(prod.inRecovery()).isFalse();
            assertThat(dr.inRecovery()).isFalse();
        }
    }

    private static String setting(PostgresInstance node, String name) throws SQLException {
        try (Connection connection = node.connect("postgres");
                PreparedStatement statement = connection.prepareStatement("select current_setting(?)")) {
            statement.setString(1, name);
            try (var row = statement.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    @Test
    void failoverIsRefusedBeforeProductionIsTouchedWhenTheDrNodeCannotTakeOver() throws Exception {
        try (PostgresInstance prod = PostgresInstance.primary("prod-h");
                PostgresInstance notInRecovery = PostgresInstance.primary("dr-h1");
                PostgresInstance other = PostgresInstance.primary("other-h");
                PostgresInstance stranger = other.standby("dr-h2")) {
            prod.execute("create table t (id int)");
            fixture.register("prod-h", prod);
            fixture.register("dr-h1", notInRecovery);
            fixture.register("dr-h2", stranger);

            JsonPath primaryAsDr = DrFixture.awaitDone(fixture.request(DrTasks.FAILOVER, "rel-h1", "prod-h",
                    "dr-h1", Map.of()), Duration.ofMinutes(2));

            assertThat(primaryAsDr.getString("state")).isEqualTo("failed");
            assertThat(primaryAsDr.getString("failedStep")).isEqualTo("check-dr");
            assertThat(primaryAsDr.getString("error")).contains("not in recovery");
            assertThat(prod.inRecovery()).isFalse();
            prod.execute("insert into t values (1)");

            JsonPath otherSystem = DrFixture.awaitDone(fixture.request(DrTasks.FAILOVER, "rel-h2", "prod-h",
                    "dr-h2", Map.of()), Duration.ofMinutes(2));

            assertThat(otherSystem.getString("state")).isEqualTo("failed");
            assertThat(otherSystem.getString("failedStep")).isEqualTo("check-dr");
            assertThat(otherSystem.getString("error")).contains("system identifier");
            prod.execute("insert into t values (2)");
            assertThat(prod.count("t")).isEqualTo(2);
            assertThat(stranger.inRecovery()).isTrue();
        }
    }

    @Test
    void failoverFencesAProductionStandbyThatWasPromotedLocally() throws Exception {
        try (PostgresInstance prod = PostgresInstance.primary("prod-i");
                PostgresInstance local = prod.standby("prod-i2");
                PostgresInstance dr = PostgresInstance.primary("dr-i")) {
            prod.execute("create table t (id int)", "insert into t select generate_series(1, 100)");
            fixture.register("prod-i", prod, local);
            fixture.register("dr-i", dr);
            awaitSucceeded(fixture.request(DrTasks.START, "rel-i", "prod-i", "dr-i", Map.of()));
            await().atMost(Duration.ofSeconds(20)).until(() -> dr.count("t") == 100);

            prod.killPostmaster();
            local.execute("select pg_promote()");
            await().atMost(Duration.ofSeconds(20)).until(() -> !local.inRecovery());
            JsonPath failover = awaitSucceeded(fixture.request(DrTasks.FAILOVER, "rel-i", "prod-i", "dr-i",
                    Map.of()));

            assertThat(local.answers()).as("the locally promoted production node is fenced").isFalse();
            assertThat(dr.inRecovery()).isFalse();
            assertThat(failover.getMap("steps.find { it.name == 'fence-production' }.artifacts"))
                    .containsEntry("fence.prod-i2", "stopped");
        }
    }

    @Test
    void aFenceThatCannotStopTheProductionPrimaryFailsTheFailoverBeforeThePromotion() throws Exception {
        try (PostgresInstance prod = PostgresInstance.primary("prod-k");
                PostgresInstance dr = PostgresInstance.primary("dr-k")) {
            prod.execute("create table t (id int)");
            fixture.register("prod-k", prod);
            fixture.register("dr-k", dr);
            awaitSucceeded(fixture.request(DrTasks.START, "rel-k", "prod-k", "dr-k", Map.of()));
            // pg_ctl cannot read an unreadable pid file, so it can neither stop the server nor say it runs; the
            // postmaster itself keeps running (it treats an unreadable lock file as a passing problem).
            Path pidFile = prod.dataDirectory().resolve("postmaster.pid");
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(pidFile);
            Files.setPosixFilePermissions(pidFile, Set.of());
            try {
                JsonPath task = DrFixture.awaitDone(fixture.request(DrTasks.FAILOVER, "rel-k", "prod-k", "dr-k",
                        Map.of()), Duration.ofMinutes(2));

                assertThat(task.getString("state")).isEqualTo("failed");
                assertThat(task.getString("failedStep")).isEqualTo("fence-production");
                assertThat(task.getString("error")).contains("prod-k").contains("still accepts connections");
                assertThat(dr.inRecovery()).as("no second primary").isTrue();
            } finally {
                Files.setPosixFilePermissions(pidFile, permissions);
            }
        }
    }

    @Test
    void startIsRefusedWhenTheDrDataDirectoryBelongsToAnotherCluster() throws Exception {
        try (PostgresInstance prod = PostgresInstance.primary("prod-l");
                PostgresInstance dr = PostgresInstance.primary("dr-l");
                PostgresInstance bystander = PostgresInstance.primary("bystander-l")) {
            dr.execute("create table dr_own (id int)", "insert into dr_own values (1)");
            bystander.execute("create table mine (id int)", "insert into mine values (1)");
            fixture.register("prod-l", prod);
            ClusterRegistered registered = ClusterEventFixtures.registered("dr-l", registry.sealer(), dr);
            ClusterNode node = registered.nodes().getFirst();
            registry.register(new ClusterRegistered(registered.clusterId(), registered.name(),
                    registered.serverVersion(), registered.majorVersion(), List.of(new ClusterNode(node.name(),
                            node.host(), node.port(), bystander.dataDirectory().toString(), node.role(),
                            node.access())), registered.adminLogin(), registered.replicationLogin(),
                    registered.registeredAt()));

            JsonPath task = DrFixture.awaitDone(fixture.request(DrTasks.START, "rel-l", "prod-l", "dr-l", Map.of(),
                    60), Duration.ofMinutes(3));

            assertThat(task.getString("state")).isEqualTo("failed");
            assertThat(task.getString("failedStep")).isEqualTo("check-clusters");
            assertThat(task.getString("error")).contains("system identifier").contains("dr-l");
            assertThat(dr.count("dr_own")).isEqualTo(1);
            assertThat(bystander.count("mine")).isEqualTo(1);
            assertThat(dr.inRecovery()).isFalse();
            assertThat(bystander.inRecovery()).isFalse();
            assertThat(replacedFolders(dr)).isEmpty();
            assertThat(replacedFolders(bystander)).isEmpty();
        }
    }

    /** Folders the suite set next to the instance's data directory (replaced data, builds in progress). */
    private static List<Path> replacedFolders(PostgresInstance instance) throws IOException {
        String prefix = instance.dataDirectory().getFileName() + ".drsuite-";
        try (Stream<Path> siblings = Files.list(instance.dataDirectory().getParent())) {
            return siblings.filter(path -> path.getFileName().toString().startsWith(prefix))
                    .filter(Files::isDirectory).toList();
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
