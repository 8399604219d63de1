package io.drsuite.task.drill;

import static io.drsuite.task.dr.DrFixture.awaitDone;
import static io.drsuite.task.dr.DrFixture.awaitSucceeded;
import static io.drsuite.task.drill.SandboxFixture.artifacts;
import static io.drsuite.task.drill.SandboxFixture.assertNothingLeft;
import static io.drsuite.task.drill.SandboxFixture.check;
import static io.drsuite.task.drill.SandboxFixture.outcome;
import static io.drsuite.task.drill.SandboxFixture.sandboxNode;
import static io.drsuite.task.pitr.WalArchiveFixture.archive;
import static io.drsuite.task.pitr.WalArchiveFixture.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.drsuite.events.task.DrillTasks;
import io.drsuite.events.task.SnapshotTasks;
import io.drsuite.events.task.TaskRequested;
import io.drsuite.events.task.WalTasks;
import io.drsuite.task.dr.DrFixture;
import io.drsuite.testing.LocalInfrastructure;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.RegistryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Restore tests against real PostgreSQL 15: a physical snapshot of a primary taken by the backup task, restored onto
 * a sandbox node with the WAL archived after it (made by hand, as in the point-in-time restore test) or alone,
 * checked and destroyed. A snapshot whose stored file was damaged, and archived WAL that is missing, fail the drill;
 * whatever the ending, nothing is left on the sandbox and the source is untouched.
 */
@QuarkusTest
class RestoreTestTest {

    @Inject
    RegistryFixture registry;

    @Test
    void aSnapshotWithItsArchivedWalRestoresOntoTheSandboxPassesItsChecksAndLeavesNothing() throws Exception {
        DrFixture fixture = new DrFixture(registry);
        try (PostgresInstance source = PostgresInstance.primary("rt-source");
                PostgresInstance sandbox = PostgresInstance.unbuilt("rt-sandbox")) {
            fixture.register("rt-source", source);
            source.execute("create table ledger (id int primary key, note text)",
                    "insert into ledger select g, 'before the snapshot' from generate_series(1, 500) g");
            Map<String, String> backup = backup(fixture, "rt-source");
            source.execute("insert into ledger select g, 'after the snapshot' from generate_series(501, 800) g");
            String first = query(source, "select pg_walfile_name('" + backup.get(SnapshotTasks.START_LSN) + "')");
            String last = query(source, "select pg_walfile_name(pg_switch_wal())");
            source.execute("checkpoint");
            String prefix = "rt-source/wal/" + UUID.randomUUID();
            archive(source, prefix, first, last);
            Map<String, String> sourceRows = source.tableChecksums("postgres");

            Map<String, String> parameters = parameters(backup, sandbox, List.of(
                    check("all_rows", "postgres", "select count(*) from ledger", "800"),
                    check("nothing_after", "postgres", "select count(*) from ledger where id > 800", "1")));
            parameters.putAll(Map.of(WalTasks.WAL_STORAGE, "local", WalTasks.WAL_KEY_PREFIX, prefix,
                    WalTasks.WAL_SEGMENT_RUNS, first + " " + last, WalTasks.WAL_HISTORY_FILES, "",
                    WalTasks.RECOVERY_TARGET_KIND, "latest", WalTasks.PAUSE_AT_TARGET, "false"));
            JsonPath task = awaitSucceeded(request(fixture, parameters));

            assertThat(artifacts(task, "restore-snapshot").get(DrillTasks.SNAPSHOT_ID))
                    .isEqualTo(parameters.get(DrillTasks.SNAPSHOT_ID));
            Map<String, Object> recovered = artifacts(task, "recover");
            assertThat(Double.parseDouble(recovered.get(DrillTasks.RESTORE_SECONDS).toString())).isPositive()
                    .isLessThan(600);
            assertThat(recovered.get(DrillTasks.RESTORED_LSN).toString()).matches("[0-9A-F]+/[0-9A-F]+");
            assertThat(recovered).as("the objective travels with the figure it judges")
                    .containsEntry(DrillTasks.RESTORE_OBJECTIVE_SECONDS, "600");
            List<CheckOutcome> checks = checks(task);
            assertThat(checks).extracting(CheckOutcome::kind).containsExactly("connect", "user", "user", "amcheck");
            assertThat(outcome(checks, "accepts-writes").passed()).isTrue();
            assertThat(outcome(checks, "pg_amcheck").passed()).isTrue();
            assertThat(outcome(checks, "all_rows").passed()).as("the WAL after the snapshot was replayed").isTrue();
            CheckOutcome failing = outcome(checks, "nothing_after");
            assertThat(failing.passed()).isFalse();
            assertThat(failing.detail()).isEqualTo("expected 1, got 0");

            assertNothingLeft(sandbox);
            assertThat(source.tableChecksums("postgres")).isEqualTo(sourceRows);
            assertThat(source.inRecovery()).isFalse();
        }
    }

    @Test
    void aSnapshotAloneRestoresAndADamagedSnapshotOrMissingWalFailsLeavingNothing() throws Exception {
        DrFixture fixture = new DrFixture(registry);
        try (PostgresInstance source = PostgresInstance.primary("rc-source");
                PostgresInstance sandbox = PostgresInstance.unbuilt("rc-sandbox")) {
            fixture.register("rc-source", source);
            // the source waits for a synchronous standby it does not have; its copy must not, or pg_amcheck's
            // CREATE EXTENSION would wait for ever
            source.execute("create table ledger (id int primary key)",
                    "insert into ledger select generate_series(1, 300)",
                    "alter system set synchronous_standby_names = 'nobody'", "select pg_reload_conf()");
            Map<String, String> backup = backup(fixture, "rc-source");
            source.execute("set synchronous_commit = local", "insert into ledger select generate_series(301, 400)");
            List<Map<String, String>> rows = List.of(check("rows", "postgres", "select count(*) from ledger", "300"),
                    check("isolated", "postgres", "select current_setting('synchronous_standby_names') = '' and "
                            + "current_setting('max_logical_replication_workers') = '0'", "true"));

            JsonPath alone = awaitSucceeded(request(fixture, parameters(backup, sandbox, rows)));
            assertThat(checks(alone)).hasSize(4).allMatch(CheckOutcome::passed);
            assertThat(artifacts(alone, "recover")).containsKey(DrillTasks.RESTORE_SECONDS);
            assertNothingLeft(sandbox);

            Map<String, String> missingWal = parameters(backup, sandbox, rows);
            missingWal.putAll(Map.of(WalTasks.WAL_STORAGE, "local", WalTasks.WAL_KEY_PREFIX, "rc-source/wal/"
                    + UUID.randomUUID(), WalTasks.WAL_SEGMENT_RUNS, "000000010000000000000002 "
                    + "000000010000000000000003", WalTasks.RECOVERY_TARGET_KIND, "latest",
                    WalTasks.PAUSE_AT_TARGET, "false"));
            JsonPath noWal = awaitDone(request(fixture, missingWal), Duration.ofMinutes(3));
            assertThat(noWal.getString("state")).isEqualTo("failed");
            assertThat(noWal.getString("failedStep")).as("it failed after it created the node").isEqualTo("stage-wal");
            assertThat(noWal.getString("error")).contains("000000010000000000000002");
            assertNothingLeft(sandbox);

            Path stored = LocalInfrastructure.snapshotFolder().resolve(backup.get(SnapshotTasks.OBJECT_KEY));
            try (RandomAccessFile file = new RandomAccessFile(stored.toFile(), "rw")) {
                file.seek(file.length() / 2);
                int original = file.read();
                file.seek(file.length() / 2);
                file.write(original ^ 0xFF);
            }
            JsonPath corrupt = awaitDone(request(fixture, parameters(backup, sandbox, rows)), Duration.ofMinutes(3));
            assertThat(corrupt.getString("state")).isEqualTo("failed");
            assertThat(corrupt.getString("error")).contains("SHA-256").contains("corrupt");
            assertNothingLeft(sandbox);
            assertThat(source.count("ledger")).isEqualTo(400);
        }
    }

    private static Map<String, String> backup(DrFixture fixture, String cluster) {
        String key = cluster + "/physical/" + UUID.randomUUID() + "/base.tar.gz";
        TaskRequested request = new TaskRequested(UUID.randomUUID(), SnapshotTasks.PHYSICAL_BACKUP, cluster,
                List.of(SnapshotTasks.backupLock(cluster)), Map.of(SnapshotTasks.SNAPSHOT_ID,
                        UUID.randomUUID().toString(), SnapshotTasks.CLUSTER, cluster, SnapshotTasks.STORAGE, "local",
                        SnapshotTasks.OBJECT_KEY, key), 600, Instant.now());
        fixture.send(request);
        Map<String, String> artifacts = new HashMap<>(awaitSucceeded(request.taskId()).getMap("steps[0].artifacts"));
        artifacts.put(SnapshotTasks.OBJECT_KEY, key);
        artifacts.put(SnapshotTasks.CLUSTER, cluster);
        return artifacts;
    }

    /** What snapshot-service sends: the snapshot as a physical restore onto a new node gets it, and the drill's. */
    private Map<String, String> parameters(Map<String, String> backup, PostgresInstance sandbox,
            List<Map<String, String>> checks) throws Exception {
        UUID drill = UUID.randomUUID();
        String node = sandboxNode(registry.json(), "restore-test-" + drill.toString().substring(0, 8),
                sandbox.port(), sandbox.dataDirectory());
        Map<String, String> parameters = new HashMap<>(Map.of(SnapshotTasks.SNAPSHOT_ID, UUID.randomUUID()
                .toString(), SnapshotTasks.KIND, "physical", SnapshotTasks.STORAGE, "local",
                SnapshotTasks.OBJECT_KEY, backup.get(SnapshotTasks.OBJECT_KEY), SnapshotTasks.EXPECTED_SHA256,
                backup.get(SnapshotTasks.SHA256), SnapshotTasks.MAJOR_VERSION, "15", SnapshotTasks.REPLACE, "false",
                DrillTasks.CLUSTER, backup.get(SnapshotTasks.CLUSTER), WalTasks.NEW_NODE, node,
                DrillTasks.SANDBOX_NODE, node));
        parameters.put(DrillTasks.DRILL_ID, drill.toString());
        parameters.put(DrillTasks.USER_CHECKS, registry.json().writeValueAsString(checks));
        parameters.put(DrillTasks.RESTORE_OBJECTIVE_SECONDS, "600");
        return parameters;
    }

    private static UUID request(DrFixture fixture, Map<String, String> parameters) {
        String drill = parameters.get(DrillTasks.DRILL_ID);
        TaskRequested request = new TaskRequested(UUID.randomUUID(), DrillTasks.RESTORE_TEST, drill,
                List.of("drill:" + drill), parameters, 600, Instant.now());
        fixture.send(request);
        return request.taskId();
    }

    private List<CheckOutcome> checks(JsonPath task) throws Exception {
        return registry.json().readValue(artifacts(task, "run-checks").get(DrillTasks.CHECKS).toString(),
                new TypeReference<List<CheckOutcome>>() { });
    }
}
