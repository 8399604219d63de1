package io.drsuite.snapshot;

import static io.drsuite.snapshot.SnapshotFixture.taskEvent;
import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.events.CloudEventHeaders;
import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.events.cluster.HostAccess;
import io.drsuite.events.cluster.HostAccessKind;
import io.drsuite.events.cluster.NodeRole;
import io.drsuite.events.drill.DrillEvents;
import io.drsuite.events.drill.RestoreTestRequested;
import io.drsuite.events.task.DrillTasks;
import io.drsuite.events.task.SnapshotTasks;
import io.drsuite.events.task.TaskEvents;
import io.drsuite.events.task.WalTasks;
import io.drsuite.testing.KafkaProbe;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.RegistryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Restore test drills handed over on the real Kafka as relationship-service would, against the service's real
 * database and storage folder: a request records the test and requests one task whose parameters are a restore onto
 * the sandbox (with the archived WAL when the archive is on); redeliveries request nothing more; the task's outcome
 * marks the snapshot restore-tested and sets the metric; with nothing to restore the test is refused.
 */
@QuarkusTest
class RestoreTestDrillTest {

    @Inject
    RegistryFixture registry;

    @Test
    void aRequestRequestsOneTaskAndAPassingOutcomeMarksTheSnapshot() throws Exception {
        SnapshotFixture fixture = new SnapshotFixture(registry);
        fixture.register("rtd-source");
        policy("rtd-source-objectives", "rtd-source", Map.of("restoreObjectiveSeconds", 900,
                "maxBackupAgeSeconds", 3600));
        UUID snapshotId = completedSnapshot(fixture, "rtd-source", Instant.now(), true);

        RestoreTestRequested request = request("rtd-source", 6543);
        UUID eventId = UUID.randomUUID();
        fixture.send(DrillEvents.RESTORE_TEST_REQUESTED, eventId, request.drillId(), request);
        fixture.send(DrillEvents.RESTORE_TEST_REQUESTED, eventId, request.drillId(), request);
        fixture.send(DrillEvents.RESTORE_TEST_REQUESTED, UUID.randomUUID(), request.drillId(), request);

        JsonNode task = registry.json().readTree(taskEvent(request.taskId().toString(), TaskEvents.REQUESTED.type())
                .value());
        assertThat(task.get("type").asText()).isEqualTo(DrillTasks.RESTORE_TEST);
        assertThat(task.get("target").asText()).isEqualTo(request.drillId().toString());
        assertThat(task.get("clusters").get(0).asText()).isEqualTo(request.lockName());
        assertThat(task.get("timeoutSeconds").asInt()).isEqualTo(1800);
        JsonNode parameters = task.get("parameters");
        assertThat(parameters.get(DrillTasks.DRILL_ID).asText()).isEqualTo(request.drillId().toString());
        assertThat(parameters.get(DrillTasks.CLUSTER).asText()).isEqualTo("rtd-source");
        assertThat(parameters.get(DrillTasks.SNAPSHOT_ID).asText()).isEqualTo(snapshotId.toString());
        assertThat(parameters.get(DrillTasks.USER_CHECKS).asText()).isEqualTo(request.userChecks());
        assertThat(parameters.get(DrillTasks.RESTORE_OBJECTIVE_SECONDS).asText()).isEqualTo("900");
        assertThat(parameters.get(SnapshotTasks.EXPECTED_SHA256).asText()).isEqualTo("ab".repeat(32));
        assertThat(parameters.get(SnapshotTasks.KIND).asText()).isEqualTo("physical");
        assertThat(parameters.get(SnapshotTasks.REPLACE).asText()).isEqualTo("false");
        assertThat(parameters.has(SnapshotTasks.TARGET_CLUSTER)).isFalse();
        assertThat(parameters.has(WalTasks.WAL_SEGMENT_RUNS)).as("the cluster archives no WAL").isFalse();
        JsonNode sandbox = registry.json().readTree(parameters.get(DrillTasks.SANDBOX_NODE).asText());
        assertThat(sandbox.get("port").asInt()).isEqualTo(6543);
        assertThat(registry.json().readTree(parameters.get(WalTasks.NEW_NODE).asText())).isEqualTo(sandbox);
        assertThat(task.toString()).doesNotContain(PostgresInstance.SUPERUSER_PASSWORD);

        JsonPath running = restoreTests("rtd-source");
        assertThat(running.getList("$")).hasSize(1);
        assertThat(running.getString("[0].drillId")).isEqualTo(request.drillId().toString());
        assertThat(running.getString("[0].state")).isEqualTo("running");
        assertThat(running.getString("[0].target")).isEqualTo("snapshot");
        assertThat(running.getLong("[0].restoreObjectiveSeconds")).isEqualTo(900);
        given().delete("/api/v1/snapshots/{id}", snapshotId).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("restore test"));

        UUID finishedEvent = UUID.randomUUID();
        Map<String, String> artifacts = Map.of(DrillTasks.RESTORE_SECONDS, "12.5", DrillTasks.RESTORED_LSN,
                "0/5000060", DrillTasks.CHECKS, checks(true, true));
        fixture.finished(finishedEvent, request.taskId(), DrillTasks.RESTORE_TEST, request.drillId().toString(),
                "succeeded", null, artifacts);
        fixture.finished(finishedEvent, request.taskId(), DrillTasks.RESTORE_TEST, request.drillId().toString(),
                "succeeded", null, artifacts);
        await().atMost(Duration.ofSeconds(20)).until(() -> "passed".equals(restoreTests("rtd-source")
                .getString("[0].state")));
        JsonPath passed = restoreTests("rtd-source");
        assertThat(passed.getFloat("[0].restoreSeconds")).isEqualTo(12.5f);
        assertThat(passed.getBoolean("[0].withinObjective")).isTrue();
        JsonPath snapshot = given().get("/api/v1/snapshots/{id}", snapshotId).then().statusCode(200).extract()
                .jsonPath();
        assertThat(snapshot.getString("restoreTestedAt")).isNotNull();
        assertThat(snapshot.getFloat("restoreTestSeconds")).isEqualTo(12.5f);
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> given().get("/q/metrics").then()
                .body(containsString("drsuite_restore_test_seconds{cluster=\"rtd-source\"} 12.5"))
                .body(containsString("drsuite_backup_age_objective_breached{cluster=\"rtd-source\"} 0.0")));

        RestoreTestRequested failing = request("rtd-source", 6544);
        fixture.send(DrillEvents.RESTORE_TEST_REQUESTED, UUID.randomUUID(), failing.drillId(), failing);
        taskEvent(failing.taskId().toString(), TaskEvents.REQUESTED.type());
        fixture.finished(UUID.randomUUID(), failing.taskId(), DrillTasks.RESTORE_TEST, failing.drillId().toString(),
                "succeeded", null, Map.of(DrillTasks.RESTORE_SECONDS, "30.0", DrillTasks.CHECKS, checks(true, false)));
        await().atMost(Duration.ofSeconds(20)).until(() -> "failed".equals(restoreTests("rtd-source")
                .getString("[0].state")));
        assertThat(restoreTests("rtd-source").getString("[0].reason")).contains("1 of 2 checks failed")
                .contains("orders_recent");
        assertThat(given().get("/api/v1/snapshots/{id}", snapshotId).then().extract().jsonPath()
                .getFloat("restoreTestSeconds")).as("a failed test leaves the mark of the passed one").isEqualTo(12.5f);
        given().get("/api/v1/restore-tests?cluster=Not A Name").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aLogicalOnlyClusterGetsItsNewestDumpTestedAndAPassMarksIt() throws Exception {
        SnapshotFixture fixture = new SnapshotFixture(registry);
        try (PostgresInstance source = PostgresInstance.primary("rtd-logical")) {
            source.execute("create database shop");
            fixture.register("rtd-logical", source);
            UUID snapshotId = completedLogicalSnapshot(fixture, "rtd-logical", "shop");

            RestoreTestRequested request = request("rtd-logical", 6547);
            fixture.send(DrillEvents.RESTORE_TEST_REQUESTED, UUID.randomUUID(), request.drillId(), request);
            JsonNode task = registry.json().readTree(taskEvent(request.taskId().toString(),
                    TaskEvents.REQUESTED.type()).value());
            assertThat(task.get("type").asText()).isEqualTo(DrillTasks.RESTORE_TEST);
            JsonNode parameters = task.get("parameters");
            JsonPath stored = given().get("/api/v1/snapshots/{id}", snapshotId).then().statusCode(200).extract()
                    .jsonPath();
            assertThat(parameters.get(DrillTasks.SNAPSHOT_ID).asText()).isEqualTo(snapshotId.toString());
            assertThat(parameters.get(SnapshotTasks.KIND).asText()).isEqualTo("logical");
            assertThat(parameters.get(SnapshotTasks.DATABASE).asText()).isEqualTo("shop");
            assertThat(parameters.has(SnapshotTasks.TABLES)).as("a whole database was dumped").isFalse();
            assertThat(parameters.get(SnapshotTasks.STORAGE).asText()).isEqualTo(stored.getString("storage"));
            assertThat(parameters.get(SnapshotTasks.OBJECT_KEY).asText()).endsWith("shop.dump");
            assertThat(parameters.get(SnapshotTasks.EXPECTED_SHA256).asText()).isEqualTo("cd".repeat(32));
            assertThat(parameters.get(SnapshotTasks.KEEP_OWNERSHIP).asText()).isEqualTo("false");
            assertThat(parameters.has(WalTasks.WAL_SEGMENT_RUNS)).as("a dump replays no WAL").isFalse();
            assertThat(registry.json().readTree(parameters.get(WalTasks.NEW_NODE).asText()))
                    .isEqualTo(registry.json().readTree(parameters.get(DrillTasks.SANDBOX_NODE).asText()));
            assertThat(task.toString()).doesNotContain(PostgresInstance.SUPERUSER_PASSWORD);
            assertThat(restoreTests("rtd-logical").getString("[0].target")).isEqualTo("snapshot");

            fixture.finished(UUID.randomUUID(), request.taskId(), DrillTasks.RESTORE_TEST,
                    request.drillId().toString(), "succeeded", null, Map.of(DrillTasks.RESTORE_SECONDS, "4.25",
                            DrillTasks.RESTORED_LSN, "0/3000060", DrillTasks.CHECKS, checks(true, true)));
            await().atMost(Duration.ofSeconds(20)).until(() -> "passed".equals(restoreTests("rtd-logical")
                    .getString("[0].state")));
            JsonPath marked = given().get("/api/v1/snapshots/{id}", snapshotId).then().statusCode(200).extract()
                    .jsonPath();
            assertThat(marked.getString("restoreTestedAt")).isNotNull();
            assertThat(marked.getFloat("restoreTestSeconds")).isEqualTo(4.25f);

            completedSnapshot(fixture, "rtd-logical", Instant.now(), true);
            completedLogicalSnapshot(fixture, "rtd-logical", "shop");
            RestoreTestRequested again = request("rtd-logical", 6548);
            fixture.send(DrillEvents.RESTORE_TEST_REQUESTED, UUID.randomUUID(), again.drillId(), again);
            JsonNode physical = registry.json().readTree(taskEvent(again.taskId().toString(),
                    TaskEvents.REQUESTED.type()).value()).get("parameters");
            assertThat(physical.get(SnapshotTasks.KIND).asText()).as("a physical snapshot goes before a newer dump")
                    .isEqualTo("physical");
            assertThat(physical.has(SnapshotTasks.DATABASE)).isFalse();
        }
    }

    @Test
    void withTheArchiveOnTheTaskReplaysTheArchivedWalAfterTheSnapshot() throws Exception {
        SnapshotFixture fixture = new SnapshotFixture(registry);
        fixture.register("rtd-wal");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID archive = UUID.fromString(given().contentType(ContentType.JSON).body(Map.of("cluster", "rtd-wal"))
                .post("/api/v1/wal-archives").then().statusCode(202).extract().jsonPath().getString("archive.id"));
        UUID snapshotId = completedSnapshot(fixture, "rtd-wal", now.minusSeconds(300), true);
        fixture.segment(UUID.randomUUID(), archive, "rtd-wal", 1, now.minusSeconds(250));
        fixture.segment(UUID.randomUUID(), archive, "rtd-wal", 2, now.minusSeconds(200));
        await().atMost(Duration.ofSeconds(20)).until(() -> given().get("/api/v1/wal-archives/{id}", archive).then()
                .extract().jsonPath().getInt("segments") == 2);

        RestoreTestRequested request = request("rtd-wal", 6545);
        fixture.send(DrillEvents.RESTORE_TEST_REQUESTED, UUID.randomUUID(), request.drillId(), request);
        JsonNode parameters = registry.json().readTree(taskEvent(request.taskId().toString(),
                TaskEvents.REQUESTED.type()).value()).get("parameters");
        assertThat(parameters.get(DrillTasks.SNAPSHOT_ID).asText()).isEqualTo(snapshotId.toString());
        assertThat(parameters.get(WalTasks.WAL_KEY_PREFIX).asText()).isEqualTo("rtd-wal/wal/" + archive);
        assertThat(parameters.get(WalTasks.WAL_SEGMENT_RUNS).asText())
                .isEqualTo("000000010000000000000001 000000010000000000000002");
        assertThat(parameters.get(WalTasks.RECOVERY_TARGET_KIND).asText()).isEqualTo("latest");
        assertThat(parameters.get(WalTasks.PAUSE_AT_TARGET).asText()).isEqualTo("false");
        assertThat(parameters.get(WalTasks.CLUSTER).asText()).isEqualTo("rtd-wal");
        assertThat(parameters.has(DrillTasks.RESTORE_OBJECTIVE_SECONDS)).as("the cluster has no objective")
                .isFalse();
        assertThat(restoreTests("rtd-wal").getString("[0].target")).isEqualTo("latest");
    }

    @Test
    void withNothingToRestoreTheTestIsRefusedAndNoTaskIsRequested() throws Exception {
        SnapshotFixture fixture = new SnapshotFixture(registry);
        fixture.register("rtd-empty");
        fixture.register("rtd-never");
        policy("rtd-empty-objectives", "rtd-empty", Map.of("maxBackupAgeSeconds", 3600));
        policy("rtd-never-objectives", "rtd-never", Map.of("maxBackupAgeSeconds", 3600));
        completedSnapshot(fixture, "rtd-empty", Instant.now(), false);

        RestoreTestRequested request = request("rtd-empty", 6546);
        fixture.send(DrillEvents.RESTORE_TEST_REQUESTED, UUID.randomUUID(), request.drillId(), request);
        List<ConsumerRecord<String, String>> refused = KafkaProbe.readAll(DrillEvents.TOPIC,
                record -> request.drillId().toString().equals(record.key()) && DrillEvents.RESTORE_TEST_REFUSED
                        .type().equals(KafkaProbe.header(record, CloudEventHeaders.TYPE)), Duration.ofSeconds(2),
                Duration.ofSeconds(20));
        assertThat(refused).hasSize(1);
        JsonNode payload = registry.json().readTree(refused.getFirst().value());
        assertThat(payload.get("taskId").asText()).isEqualTo(request.taskId().toString());
        assertThat(payload.get("reason").asText()).contains("rtd-empty").contains("nothing to restore");
        assertThat(KafkaProbe.readAll(TaskEvents.TOPIC, record -> request.taskId().toString().equals(record.key()),
                Duration.ofSeconds(3), Duration.ofSeconds(5))).as("no task was requested").isEmpty();
        JsonPath test = restoreTests("rtd-empty");
        assertThat(test.getString("[0].state")).isEqualTo("failed");
        assertThat(test.getString("[0].snapshotId")).isNull();
        assertThat(test.getString("[0].reason")).contains("nothing to restore");

        fixture.send(DrillEvents.RESTORE_TEST_REQUESTED, UUID.randomUUID(), request.drillId(), request);
        assertThat(KafkaProbe.readAll(DrillEvents.TOPIC, record -> request.drillId().toString().equals(record.key())
                && DrillEvents.RESTORE_TEST_REFUSED.type().equals(KafkaProbe.header(record, CloudEventHeaders.TYPE)),
                Duration.ofSeconds(3), Duration.ofSeconds(10))).as("a redelivery is not answered again").hasSize(1);
        RestoreTestRequested ontoANode = request("rtd-source-taken", 5432);
        fixture.register("rtd-source-taken");
        completedSnapshot(fixture, "rtd-source-taken", Instant.now(), true);
        fixture.send(DrillEvents.RESTORE_TEST_REQUESTED, UUID.randomUUID(), ontoANode.drillId(), ontoANode);
        await().atMost(Duration.ofSeconds(20)).until(() -> "failed".equals(restoreTests("rtd-source-taken")
                .getString("[0].state")));
        assertThat(restoreTests("rtd-source-taken").getString("[0].reason")).contains("is no sandbox")
                .contains("127.0.0.1:5432");
        assertThat(KafkaProbe.readAll(TaskEvents.TOPIC, record -> ontoANode.taskId().toString().equals(record.key()),
                Duration.ofSeconds(2), Duration.ofSeconds(5))).as("no task onto a registered node").isEmpty();

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> given().get("/q/metrics").then()
                .body(containsString("drsuite_backup_age_objective_breached{cluster=\"rtd-empty\"} 0.0"))
                .body(containsString("drsuite_backup_age_objective_breached{cluster=\"rtd-never\"} 1.0")));
    }

    /**
     * A physical snapshot taken through the API and completed as task-service reports it; with {@code stored} its
     * object is written into the local storage folder, without it the catalog names an object that is not there.
     */
    private static UUID completedSnapshot(SnapshotFixture fixture, String cluster, Instant consistentAt,
            boolean stored) throws Exception {
        JsonPath accepted = given().contentType(ContentType.JSON).body(Map.of("cluster", cluster, "kind",
                "physical")).post("/api/v1/snapshots").then().statusCode(202).extract().jsonPath();
        UUID id = UUID.fromString(accepted.getString("snapshot.id"));
        fixture.finished(UUID.randomUUID(), UUID.fromString(accepted.getString("taskId")),
                SnapshotTasks.PHYSICAL_BACKUP, id.toString(), "succeeded", null, Map.of(SnapshotTasks.SIZE_BYTES,
                        "3", SnapshotTasks.SHA256, "ab".repeat(32), SnapshotTasks.START_LSN, "0/1000028",
                        SnapshotTasks.END_LSN, "0/1000100", SnapshotTasks.TIMELINE, "1",
                        SnapshotTasks.CONSISTENT_AT, consistentAt.toString()));
        await().atMost(Duration.ofSeconds(20)).until(() -> "completed".equals(given().get("/api/v1/snapshots/{id}",
                id).then().extract().jsonPath().getString("phase")));
        if (stored) {
            Path file = Path.of(given().get("/api/v1/snapshots/{id}", id).then().extract().jsonPath()
                    .getString("location"));
            Files.createDirectories(file.getParent());
            Files.writeString(file, "tar");
        }
        return id;
    }

    /** A logical snapshot of {@code database} taken through the API, completed, with its object stored. */
    private static UUID completedLogicalSnapshot(SnapshotFixture fixture, String cluster, String database)
            throws Exception {
        JsonPath accepted = given().contentType(ContentType.JSON).body(Map.of("cluster", cluster, "kind",
                "logical", "database", database)).post("/api/v1/snapshots").then().statusCode(202).extract()
                .jsonPath();
        UUID id = UUID.fromString(accepted.getString("snapshot.id"));
        fixture.finished(UUID.randomUUID(), UUID.fromString(accepted.getString("taskId")),
                SnapshotTasks.LOGICAL_BACKUP, id.toString(), "succeeded", null, Map.of(SnapshotTasks.SIZE_BYTES,
                        "4", SnapshotTasks.SHA256, "cd".repeat(32)));
        await().atMost(Duration.ofSeconds(20)).until(() -> "completed".equals(given().get("/api/v1/snapshots/{id}",
                id).then().extract().jsonPath().getString("phase")));
        Path file = Path.of(given().get("/api/v1/snapshots/{id}", id).then().extract().jsonPath()
                .getString("location"));
        Files.createDirectories(file.getParent());
        Files.writeString(file, "PGDM");
        return id;
    }

    private RestoreTestRequested request(String cluster, int sandboxPort) {
        UUID drill = UUID.randomUUID();
        ClusterNode sandbox = new ClusterNode("restore-test-" + drill.toString().substring(0, 8), "127.0.0.1",
                sandboxPort, "/tmp/drsuite-sandbox/" + drill, NodeRole.PRIMARY, new HostAccess(HostAccessKind.LOCAL,
                        "postgres", null, null, null, null));
        return new RestoreTestRequested(drill, UUID.randomUUID(), cluster, sandbox, "drill:" + cluster,
                "[{\"name\":\"orders_recent\",\"sql\":\"select true\",\"expected\":\"true\"}]", 1800, Instant.now());
    }

    private static void policy(String name, String cluster, Map<String, Object> objectives) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "cluster", cluster, "kind",
                "physical", "schedule", "0 0 1 1 *", "retention", Map.of("keepLast", 100)));
        body.putAll(objectives);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/policies").then().statusCode(201);
    }

    private static String checks(boolean connected, boolean userCheck) {
        return "[{\"name\":\"accepts-writes\",\"kind\":\"connect\",\"passed\":" + connected + ",\"detail\":\"ok\"},"
                + "{\"name\":\"orders_recent\",\"kind\":\"user\",\"passed\":" + userCheck + ",\"detail\":\""
                + (userCheck ? "returned true" : "expected true, got false") + "\"}]";
    }

    private static JsonPath restoreTests(String cluster) {
        return given().get("/api/v1/restore-tests?cluster=" + cluster).then().statusCode(200).extract().jsonPath();
    }
}
