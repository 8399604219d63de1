package io.drsuite.task.drill;

import static io.drsuite.task.dr.DrFixture.awaitDone;
import static io.drsuite.task.dr.DrFixture.awaitSucceeded;
import static io.drsuite.task.drill.SandboxFixture.artifacts;
import static io.drsuite.task.drill.SandboxFixture.assertNothingLeft;
import static io.drsuite.task.drill.SandboxFixture.check;
import static io.drsuite.task.drill.SandboxFixture.outcome;
import static io.drsuite.task.drill.SandboxFixture.sandboxNode;
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
import io.drsuite.testing.SampleData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Restore tests of a logical snapshot against real PostgreSQL 15: a dump of one database taken by the backup task is
 * restored into a fresh instance made on the sandbox node, checked and destroyed (a dump of tables in a schema of
 * their own too, whose schema pg_dump leaves out); a dump damaged in storage fails
 * the test before anything is made. Whatever the ending, nothing is left on the sandbox and the source is untouched.
 */
@QuarkusTest
class LogicalRestoreTestTest {

    @Inject
    RegistryFixture registry;

    @Test
    void aDumpRestoresIntoAFreshInstancePassesItsChecksAndADamagedOneFailsLeavingNothing() throws Exception {
        DrFixture fixture = new DrFixture(registry);
        try (PostgresInstance source = PostgresInstance.primary("lrt-source");
                PostgresInstance sandbox = PostgresInstance.unbuilt("lrt-sandbox")) {
            fixture.register("lrt-source", source);
            source.execute("create database shop");
            source.executeIn("shop", "create schema sales",
                    "create table sales.ledger (id int primary key, note text)",
                    "insert into sales.ledger select g, 'dumped' from generate_series(1, 250) g");
            Map<String, String> dump = dump(fixture, "lrt-source", "shop");
            source.executeIn("shop", "insert into sales.ledger select g, 'after' from generate_series(251, 300) g");
            List<Map<String, String>> checks = List.of(
                    check("dumped_rows", "shop", "select count(*) from sales.ledger", "250"),
                    check("notes", "shop", "select count(*) from sales.ledger where note = 'dumped'", "250"),
                    check("isolated", "postgres", "select current_setting('max_logical_replication_workers') = '0' "
                            + "and current_setting('archive_mode') = 'off'", "true"));

            JsonPath task = awaitSucceeded(request(fixture, parameters(dump, sandbox, checks)));
            assertThat(artifacts(task, "restore-snapshot").get(DrillTasks.SNAPSHOT_ID))
                    .isEqualTo(dump.get(SnapshotTasks.SNAPSHOT_ID));
            Map<String, Object> recovered = artifacts(task, "recover");
            assertThat(Double.parseDouble(recovered.get(DrillTasks.RESTORE_SECONDS).toString())).isPositive()
                    .isLessThan(600);
            assertThat(recovered.get(DrillTasks.RESTORED_LSN).toString()).matches("[0-9A-F]+/[0-9A-F]+");
            List<CheckOutcome> outcomes = checks(task);
            assertThat(outcomes).extracting(CheckOutcome::kind)
                    .containsExactly("connect", "user", "user", "user", "amcheck");
            assertThat(outcomes).as(outcomes.toString()).allMatch(CheckOutcome::passed);
            assertThat(outcome(outcomes, "dumped_rows").detail()).contains("250");
            assertThat(task.prettify()).doesNotContain(PostgresInstance.SUPERUSER_PASSWORD);
            assertNothingLeft(sandbox);
            assertThat(ledgerRows(source)).isEqualTo(300);

            Map<String, String> tables = dump(fixture, "lrt-source", "shop", "sales.ledger");
            JsonPath ofTables = awaitSucceeded(request(fixture, parameters(tables, sandbox, List.of(
                    check("all_rows", "shop", "select count(*) from sales.ledger", "300")))));
            assertThat(checks(ofTables)).as("the tables' schema is made for them").allMatch(CheckOutcome::passed);
            assertNothingLeft(sandbox);

            SampleData.flipMiddleByte(LocalInfrastructure.snapshotFolder().resolve(dump.get(SnapshotTasks.OBJECT_KEY)));
            JsonPath corrupt = awaitDone(request(fixture, parameters(dump, sandbox, checks)), Duration.ofMinutes(3));
            assertThat(corrupt.getString("state")).isEqualTo("failed");
            assertThat(corrupt.getString("failedStep")).isEqualTo("check-sandbox");
            assertThat(corrupt.getString("error")).contains("SHA-256").contains("corrupt");
            assertNothingLeft(sandbox);
            assertThat(ledgerRows(source)).isEqualTo(300);
        }
    }

    /** A logical backup of {@code database} by the backup task; its artifacts, the object key and snapshot id. */
    private static Map<String, String> dump(DrFixture fixture, String cluster, String database, String... tables) {
        String snapshotId = UUID.randomUUID().toString();
        String key = cluster + "/logical/" + snapshotId + "/" + database + ".dump";
        Map<String, String> parameters = new HashMap<>(Map.of(SnapshotTasks.SNAPSHOT_ID, snapshotId,
                SnapshotTasks.CLUSTER, cluster, SnapshotTasks.DATABASE, database, SnapshotTasks.STORAGE, "local",
                SnapshotTasks.OBJECT_KEY, key));
        if (tables.length > 0) {
            parameters.put(SnapshotTasks.TABLES, SnapshotTasks.joinTables(List.of(tables)));
        }
        TaskRequested request = new TaskRequested(UUID.randomUUID(), SnapshotTasks.LOGICAL_BACKUP, snapshotId,
                List.of(SnapshotTasks.backupLock(cluster)), parameters, 600, Instant.now());
        fixture.send(request);
        Map<String, String> artifacts = new HashMap<>(awaitSucceeded(request.taskId()).getMap("steps[0].artifacts"));
        artifacts.put(SnapshotTasks.OBJECT_KEY, key);
        artifacts.put(SnapshotTasks.CLUSTER, cluster);
        artifacts.put(SnapshotTasks.DATABASE, database);
        artifacts.put(SnapshotTasks.SNAPSHOT_ID, snapshotId);
        if (tables.length > 0) {
            artifacts.put(SnapshotTasks.TABLES, parameters.get(SnapshotTasks.TABLES));
        }
        return artifacts;
    }

    /** What snapshot-service sends for a logical snapshot: its object, the database it holds, and the drill's. */
    private Map<String, String> parameters(Map<String, String> dump, PostgresInstance sandbox,
            List<Map<String, String>> checks) throws Exception {
        UUID drill = UUID.randomUUID();
        String node = sandboxNode(registry.json(), "restore-test-" + drill.toString().substring(0, 8),
                sandbox.port(), sandbox.dataDirectory());
        Map<String, String> parameters = new HashMap<>(Map.of(SnapshotTasks.SNAPSHOT_ID,
                dump.get(SnapshotTasks.SNAPSHOT_ID), SnapshotTasks.KIND, "logical", SnapshotTasks.STORAGE, "local",
                SnapshotTasks.OBJECT_KEY, dump.get(SnapshotTasks.OBJECT_KEY), SnapshotTasks.EXPECTED_SHA256,
                dump.get(SnapshotTasks.SHA256), SnapshotTasks.MAJOR_VERSION, "15", SnapshotTasks.REPLACE, "false",
                SnapshotTasks.KEEP_OWNERSHIP, "false", SnapshotTasks.DATABASE, dump.get(SnapshotTasks.DATABASE)));
        if (dump.containsKey(SnapshotTasks.TABLES)) {
            parameters.put(SnapshotTasks.TABLES, dump.get(SnapshotTasks.TABLES));
        }
        parameters.put(DrillTasks.CLUSTER, dump.get(SnapshotTasks.CLUSTER));
        parameters.put(WalTasks.NEW_NODE, node);
        parameters.put(DrillTasks.SANDBOX_NODE, node);
        parameters.put(DrillTasks.DRILL_ID, drill.toString());
        parameters.put(DrillTasks.USER_CHECKS, registry.json().writeValueAsString(checks));
        return parameters;
    }

    private static long ledgerRows(PostgresInstance source) throws SQLException {
        try (Connection connection = source.connect("shop");
                var row = connection.createStatement().executeQuery("select count(*) from sales.ledger")) {
            row.next();
            return row.getLong(1);
        }
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
