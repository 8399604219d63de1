package io.drsuite.task.pitr;

import static io.drsuite.task.dr.DrFixture.awaitDone;
import static io.drsuite.task.dr.DrFixture.awaitSucceeded;
import static io.drsuite.task.pitr.WalArchiveFixture.archive;
import static io.drsuite.task.pitr.WalArchiveFixture.query;
import static io.drsuite.task.pitr.WalArchiveFixture.segmentNumber;
import static org.assertj.core.api.Assertions.assertThat;

import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.events.cluster.HostAccess;
import io.drsuite.events.cluster.HostAccessKind;
import io.drsuite.events.cluster.NodeRole;
import io.drsuite.events.task.SnapshotTasks;
import io.drsuite.events.task.TaskRequested;
import io.drsuite.events.task.WalTasks;
import io.drsuite.task.dr.DrFixture;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.RegistryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Point-in-time restores against real PostgreSQL 15 servers: one physical snapshot of a primary, rows written and
 * a moment, a restore point and an LSN noted, half the rows deleted, and the primary's completed WAL segments copied
 * gzip-compressed into the local storage location as the archive. The same snapshot and archive are restored onto
 * one node (unbuilt at first, then replaced) to each kind of target, and onto a new node in no cluster.
 */
@QuarkusTest
class PointInTimeRestoreTest {

    private static final String SOURCE = "pitr-source";
    private static final String TARGET = "pitr-target";

    @Inject
    RegistryFixture registry;

    @Test
    void restoresToATimeAnLsnARestorePointAndTheEndOfTheArchiveAndPausesOnRequest() throws Exception {
        DrFixture fixture = new DrFixture(registry);
        try (PostgresInstance prod = PostgresInstance.primary(SOURCE);
                PostgresInstance node = PostgresInstance.unbuilt(TARGET)) {
            fixture.register(SOURCE, prod);
            fixture.register(TARGET, node);
            prod.execute("create table ledger (id int primary key, at timestamptz not null default clock_timestamp())",
                    "insert into ledger (id) select generate_series(1, 500)");

            String key = SOURCE + "/physical/" + UUID.randomUUID() + "/base.tar.gz";
            Map<String, String> backup = awaitSucceeded(request(fixture, SnapshotTasks.PHYSICAL_BACKUP, SOURCE,
                    Map.of(SnapshotTasks.CLUSTER, SOURCE, SnapshotTasks.STORAGE, "local",
                            SnapshotTasks.OBJECT_KEY, key))).getMap("steps[0].artifacts");

            prod.execute("insert into ledger (id) select generate_series(501, 1000)");
            Map<String, String> beforeDelete = prod.tableChecksums("postgres");
            Thread.sleep(50);
            Instant moment = Instant.parse(query(prod, "select to_char(clock_timestamp() at time zone 'UTC', "
                    + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"));
            Thread.sleep(50);
            prod.execute("select pg_create_restore_point('before-delete')");
            String lsn = query(prod, "select pg_current_wal_lsn()::text");
            Thread.sleep(50);
            prod.execute("delete from ledger where id % 2 = 0", "insert into ledger (id) select generate_series(1001, "
                    + "1100)");
            Map<String, String> atEnd = prod.tableChecksums("postgres");
            assertThat(atEnd).isNotEqualTo(beforeDelete);
            String first = query(prod, "select pg_walfile_name('" + backup.get(SnapshotTasks.START_LSN) + "')");
            String last = query(prod, "select pg_walfile_name(pg_switch_wal())");
            prod.execute("checkpoint");
            String prefix = SOURCE + "/wal/" + UUID.randomUUID();
            archive(prod, prefix, first, last);

            Map<String, String> base = new HashMap<>(Map.of(SnapshotTasks.STORAGE, "local",
                    SnapshotTasks.OBJECT_KEY, key, SnapshotTasks.EXPECTED_SHA256, backup.get(SnapshotTasks.SHA256),
                    SnapshotTasks.KIND, "physical", SnapshotTasks.MAJOR_VERSION, "15",
                    SnapshotTasks.TARGET_CLUSTER, TARGET, SnapshotTasks.TARGET_NODE, TARGET,
                    SnapshotTasks.REPLACE, "true", WalTasks.WAL_STORAGE, "local"));
            base.put(WalTasks.WAL_KEY_PREFIX, prefix);
            base.put(WalTasks.WAL_SEGMENT_RUNS, first + " " + last);

            JsonPath toTime = restore(fixture, node, base, "time", moment.toString(), false, beforeDelete);
            assertThat(finish(toTime).get(WalTasks.RECOVERY_STOP)).startsWith("before 20");
            assertThat(Long.parseLong(toTime.getMap("steps.find { it.name == 'stage-wal' }.artifacts")
                    .get(WalTasks.WAL_BYTES_STAGED).toString())).isPositive().isEqualTo(
                            (segmentNumber(last) - segmentNumber(first) + 1) * 16L * 1024 * 1024);
            assertThat(Files.readString(node.dataDirectory().resolve("postgresql.auto.conf")))
                    .doesNotContain("restore_command").doesNotContain("recovery_target");
            node.execute("insert into ledger (id) values (-1)");

            JsonPath toLsn = restore(fixture, node, base, "lsn", lsn, false, beforeDelete);
            assertThat(finish(toLsn).get(WalTasks.RECOVERY_STOP)).contains("LSN");
            JsonPath toPoint = restore(fixture, node, base, "restore-point", "before-delete", false, beforeDelete);
            assertThat(finish(toPoint).get(WalTasks.RECOVERY_STOP)).contains("before-delete");
            JsonPath toEnd = restore(fixture, node, base, "latest", null, false, atEnd);
            assertThat(finish(toEnd).get(WalTasks.RECOVERY_STOP)).contains("no recovery target");

            JsonPath paused = restore(fixture, node, base, "time", moment.toString(), true, beforeDelete);
            assertThat(node.inRecovery()).isTrue();
            assertThat(query(node, "select pg_get_wal_replay_pause_state()")).isEqualTo("paused");
            assertThat(finish(paused).get(WalTasks.RECOVERY_STOP)).startsWith("paused at");
            assertThat(finish(paused).get(WalTasks.REACHED_LSN)).isEqualTo(query(node,
                    "select pg_last_wal_replay_lsn()::text"));

            // a moment after the last commit in the archive: PostgreSQL stops short of it; the end of the archive is
            // the state as of that moment
            JsonPath pastArchive = restore(fixture, node, base, "time", Instant.now().toString(), false, atEnd);
            assertThat(finish(pastArchive).get(WalTasks.RECOVERY_STOP)).contains("past the end");
            assertThat(pastArchive.getList("log.message").toString()).contains("ends before");

            String missing = String.format(Locale.ROOT, "%s%08X", last.substring(0, 16),
                    Long.parseLong(last.substring(16), 16) + 1);
            Map<String, String> gap = new HashMap<>(base);
            gap.put(WalTasks.WAL_SEGMENT_RUNS, first + " " + missing);
            gap.put(WalTasks.RECOVERY_TARGET_KIND, "latest");
            JsonPath failed = awaitDone(request(fixture, WalTasks.POINT_IN_TIME_RESTORE, TARGET, gap),
                    Duration.ofMinutes(3));
            assertThat(failed.getString("state")).isEqualTo("failed");
            assertThat(failed.getString("failedStep")).isEqualTo("stage-wal");
            assertThat(failed.getString("error")).contains(missing);
            assertThat(node.inRecovery()).isFalse();
            assertThat(node.tableChecksums("postgres")).as("the previous data is back").isEqualTo(atEnd);

            Map<String, String> badTarget = new HashMap<>(base);
            badTarget.put(WalTasks.RECOVERY_TARGET_KIND, "lsn");
            badTarget.put(WalTasks.RECOVERY_TARGET, "0/3000060'; drop");
            JsonPath refused = awaitDone(request(fixture, WalTasks.POINT_IN_TIME_RESTORE, TARGET, badTarget),
                    Duration.ofMinutes(2));
            assertThat(refused.getString("failedStep")).isEqualTo("check-snapshot");
            assertThat(node.tableChecksums("postgres")).isEqualTo(atEnd);

            ontoANewNode(fixture, base, moment, beforeDelete, node, atEnd);
        }
    }

    /**
     * Onto a node in no cluster: created where nothing was, on its own port, and left running as a server of its
     * own. A new node whose data directory exists (the registered node's) is refused before anything is touched.
     */
    private void ontoANewNode(DrFixture fixture, Map<String, String> base, Instant moment,
            Map<String, String> beforeDelete, PostgresInstance registered, Map<String, String> registeredRows)
            throws Exception {
        try (PostgresInstance fresh = PostgresInstance.unbuilt("pitr-new")) {
            Map<String, String> parameters = new HashMap<>(base);
            parameters.remove(SnapshotTasks.TARGET_CLUSTER);
            parameters.remove(SnapshotTasks.TARGET_NODE);
            parameters.put(SnapshotTasks.REPLACE, "false");
            parameters.put(WalTasks.CLUSTER, SOURCE);
            parameters.put(WalTasks.RECOVERY_TARGET_KIND, "time");
            parameters.put(WalTasks.RECOVERY_TARGET, moment.toString());
            parameters.put(WalTasks.PAUSE_AT_TARGET, "false");

            Map<String, String> taken = new HashMap<>(parameters);
            taken.put(WalTasks.NEW_NODE, newNode("pitr-taken", fresh.port(), registered.dataDirectory()));
            JsonPath refused = awaitDone(request(fixture, WalTasks.POINT_IN_TIME_RESTORE, "pitr-taken", taken),
                    Duration.ofMinutes(2));
            assertThat(refused.getString("failedStep")).isEqualTo("check-snapshot");
            assertThat(refused.getString("error")).contains("must not exist");
            assertThat(registered.tableChecksums("postgres")).isEqualTo(registeredRows);

            parameters.put(WalTasks.NEW_NODE, newNode(fresh.name(), fresh.port(), fresh.dataDirectory()));
            JsonPath created = awaitSucceeded(request(fixture, WalTasks.POINT_IN_TIME_RESTORE, fresh.name(),
                    parameters));
            assertThat(fresh.answers()).as("the new node runs on its own port").isTrue();
            assertThat(fresh.tableChecksums("postgres")).isEqualTo(beforeDelete);
            assertThat(fresh.inRecovery()).isFalse();
            assertThat(finish(created).get(WalTasks.REACHED_TIMELINE)).isEqualTo("2");
            assertThat(registered.tableChecksums("postgres")).isEqualTo(registeredRows);
        }
    }

    private String newNode(String name, int port, Path dataDirectory) throws Exception {
        return registry.json().writeValueAsString(new ClusterNode(name, "127.0.0.1", port, dataDirectory.toString(),
                NodeRole.PRIMARY, new HostAccess(HostAccessKind.LOCAL, "postgres", null, null, null, null)));
    }

    private static JsonPath restore(DrFixture fixture, PostgresInstance node, Map<String, String> base, String kind,
            String target, boolean pause, Map<String, String> expected) throws Exception {
        Map<String, String> parameters = new HashMap<>(base);
        parameters.put(WalTasks.RECOVERY_TARGET_KIND, kind);
        if (target != null) {
            parameters.put(WalTasks.RECOVERY_TARGET, target);
        }
        parameters.put(WalTasks.PAUSE_AT_TARGET, String.valueOf(pause));
        UUID task = request(fixture, WalTasks.POINT_IN_TIME_RESTORE, TARGET, parameters);
        JsonPath done = awaitSucceeded(task);
        assertThat(node.tableChecksums("postgres")).as("rows after a restore to " + kind + " " + target)
                .isEqualTo(expected);
        assertThat(node.inRecovery()).isEqualTo(pause);
        assertThat(finish(done).get(WalTasks.REACHED_TIMELINE)).isEqualTo(pause ? "1" : "2");
        assertThat(finish(done).get(WalTasks.REACHED_LSN)).matches("[0-9A-F]+/[0-9A-F]+");
        assertThat(Path.of(node.dataDirectory() + ".drsuite-wal-" + task)).doesNotExist();
        return done;
    }

    private static Map<String, String> finish(JsonPath task) {
        return task.getMap("steps.find { it.name == 'finish' }.artifacts");
    }

    private static UUID request(DrFixture fixture, String type, String cluster, Map<String, String> parameters) {
        Map<String, String> all = new HashMap<>(parameters);
        all.putIfAbsent(SnapshotTasks.SNAPSHOT_ID, UUID.randomUUID().toString());
        all.putIfAbsent(SnapshotTasks.RESTORE_ID, UUID.randomUUID().toString());
        TaskRequested request = new TaskRequested(UUID.randomUUID(), type, cluster,
                List.of(SnapshotTasks.backupLock(cluster)), all, 600, Instant.now());
        fixture.send(request);
        return request.taskId();
    }
}
