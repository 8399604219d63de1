package io.drsuite.snapshot;

import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static io.drsuite.snapshot.SnapshotFixture.taskEvent;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.events.CloudEventHeaders;
import io.drsuite.events.snapshot.WalEvents;
import io.drsuite.events.task.SnapshotTasks;
import io.drsuite.events.task.TaskEvents;
import io.drsuite.events.task.TaskProgressed;
import io.drsuite.events.task.WalTasks;
import io.drsuite.snapshot.model.RestorePoint;
import io.drsuite.testing.KafkaProbe;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.RegistryFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * WAL archives, their catalog, restore points and point-in-time restore requests against the real Kafka, the
 * service's real database and a real PostgreSQL server: switching on requests the stream task and switching off
 * cancels it; segment events (published here as task-service would) build the catalog once each, gaps show in the
 * API and the metric; the recovery window decides which targets are accepted and which base snapshot is used.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WalArchiveTest {

    private static final long SEGMENT = 0x1000000L;

    @Inject
    RegistryFixture registry;

    SnapshotFixture fixture;
    PostgresInstance source;

    @BeforeAll
    void startSource() {
        source = PostgresInstance.primary("wal-source");
    }

    @AfterAll
    void stopSource() {
        source.close();
    }

    @BeforeEach
    void setUp() {
        fixture = new SnapshotFixture(registry);
        fixture.register("wal-source", source);
    }

    @Test
    void refusalsAreProblemsAndChangeNothing() {
        fixture.register("wal-refusals");
        int before = archives(null).size();
        switchOn(Map.of("cluster", "nowhere")).statusCode(422).contentType("application/problem+json")
                .body("type", containsString("unknown-cluster"));
        switchOn(Map.of("cluster", "wal-refusals", "storage", "tape")).statusCode(422)
                .contentType("application/problem+json").body("type", containsString("unknown-storage"));
        switchOn(Map.of("cluster", "Wal Refusals")).statusCode(400).contentType("application/problem+json");
        assertThat(archives(null)).hasSize(before);

        switchOn(Map.of("cluster", "wal-refusals")).statusCode(202);
        switchOn(Map.of("cluster", "wal-refusals")).statusCode(409).contentType("application/problem+json")
                .body("type", containsString("wal-archive-active"));
        assertThat(archives("wal-refusals")).hasSize(1);
        given().get("/api/v1/wal-archives/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void switchingOnRequestsTheStreamTaskAndSwitchingOffCancelsIt() throws Exception {
        fixture.register("wal-onoff");
        JsonPath accepted = switchOn(Map.of("cluster", "wal-onoff", "synchronous", true)).statusCode(202)
                .extract().jsonPath();
        UUID id = UUID.fromString(accepted.getString("archive.id"));
        String taskId = accepted.getString("taskId");
        assertThat(accepted.getString("archive.state")).isEqualTo("starting");

        JsonNode request = registry.json().readTree(taskEvent(taskId, TaskEvents.REQUESTED.type()).value());
        assertThat(request.get("type").asText()).isEqualTo(WalTasks.STREAM);
        assertThat(request.get("target").asText()).isEqualTo(id.toString());
        assertThat(request.get("clusters").get(0).asText()).isEqualTo(WalTasks.streamLock("wal-onoff"));
        JsonNode parameters = request.get("parameters");
        assertThat(parameters.get(WalTasks.KEY_PREFIX).asText()).isEqualTo("wal-onoff/wal/" + id);
        assertThat(parameters.get(WalTasks.SLOT).asText()).isEqualTo(WalTasks.slotFor(id));
        assertThat(parameters.get(WalTasks.SYNCHRONOUS).asText()).isEqualTo("true");
        assertThat(parameters.get(WalTasks.STORAGE).asText()).isEqualTo("local");
        assertThat(request.get("timeoutSeconds").asLong()).isGreaterThan(Duration.ofDays(365).toSeconds());

        UUID task = UUID.fromString(taskId);
        fixture.send(TaskEvents.PROGRESSED, UUID.randomUUID(), task, new TaskProgressed(task, WalTasks.STREAM,
                id.toString(), "stream", "running", 10, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> "streaming".equals(archive(id).getString("state")));

        given().delete("/api/v1/wal-archives/{id}", id).then().statusCode(202).body("archive.state",
                org.hamcrest.Matchers.equalTo("stopping"));
        JsonNode cancel = registry.json().readTree(taskEvent(taskId, TaskEvents.CANCEL_REQUESTED.type()).value());
        assertThat(cancel.get("target").asText()).isEqualTo(id.toString());
        fixture.finished(UUID.randomUUID(), task, WalTasks.STREAM, id.toString(), "cancelled", null, Map.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> "stopped".equals(archive(id).getString("state")));
        given().delete("/api/v1/wal-archives/{id}", id).then().statusCode(409)
                .contentType("application/problem+json");
        switchOn(Map.of("cluster", "wal-onoff")).statusCode(202);
        assertThat(KafkaProbe.readAll(WalEvents.TOPIC, record -> id.toString().equals(record.key()),
                Duration.ofSeconds(1), Duration.ofSeconds(20)))
                .extracting(record -> KafkaProbe.header(record, CloudEventHeaders.TYPE))
                .containsOnly(WalEvents.ARCHIVE_CHANGED.type()).hasSizeGreaterThanOrEqualTo(4);
    }

    /**
     * One archive's life: segments 1 to 3 after a base backup starting in segment 1 give a recovery window; targets
     * inside it are accepted with the base and the WAL runs in the task's parameters, targets outside are refused
     * with the window; a restore point created on the real server is a target. Then segment 5 arrives without 4: a
     * gap, in the API and the metric, and the base no longer has its WAL continuous to the end.
     */
    @Test
    void theCatalogTheWindowRestorePointsAndPointInTimeRestores() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID id = UUID.fromString(switchOn(Map.of("cluster", "wal-source")).statusCode(202).extract().jsonPath()
                .getString("archive.id"));
        JsonPath snapshot = given().contentType(ContentType.JSON).body(Map.of("cluster", "wal-source", "kind",
                "physical")).post("/api/v1/snapshots").then().statusCode(202).extract().jsonPath();
        UUID snapshotId = UUID.fromString(snapshot.getString("snapshot.id"));
        fixture.finished(UUID.randomUUID(), UUID.fromString(snapshot.getString("taskId")),
                SnapshotTasks.PHYSICAL_BACKUP, snapshotId.toString(), "succeeded", null, Map.of(
                        SnapshotTasks.SIZE_BYTES, "4096", SnapshotTasks.SHA256, "ab".repeat(32),
                        SnapshotTasks.START_LSN, "0/1000028", SnapshotTasks.END_LSN, "0/1000100",
                        SnapshotTasks.TIMELINE, "1", SnapshotTasks.CONSISTENT_AT, now.minusSeconds(300).toString()));
        await().atMost(Duration.ofSeconds(20)).until(() -> "0/1000100".equals(given()
                .get("/api/v1/snapshots/{id}", snapshotId).then().extract().jsonPath().getString("endLsn")));

        UUID redelivered = UUID.randomUUID();
        fixture.segment(UUID.randomUUID(), id, "wal-source", 1, now.minusSeconds(250));
        fixture.segment(redelivered, id, "wal-source", 2, now.minusSeconds(200));
        fixture.segment(redelivered, id, "wal-source", 2, now.minusSeconds(200));
        fixture.segment(UUID.randomUUID(), id, "wal-source", 2, now.minusSeconds(200));
        fixture.segment(UUID.randomUUID(), id, "wal-source", 3, now.minusSeconds(100));
        await().atMost(Duration.ofSeconds(20)).until(() -> archive(id).getInt("segments") == 3);
        JsonPath archive = archive(id);
        assertThat(archive.getString("firstSegment")).isEqualTo("000000010000000000000001");
        assertThat(archive.getString("lastSegment")).isEqualTo("000000010000000000000003");
        assertThat(archive.getLong("bytes")).isEqualTo(3 * 1000);
        assertThat(archive.getList("gaps")).isEmpty();
        assertThat(Instant.parse(archive.getString("recoveryWindow.start"))).isEqualTo(now.minusSeconds(300));
        assertThat(Instant.parse(archive.getString("recoveryWindow.end"))).isEqualTo(now.minusSeconds(100));
        assertThat(archive.getFloat("lastSegmentAgeSeconds")).isGreaterThanOrEqualTo(100f);

        pointInTime(Map.of("time", now.minusSeconds(1000).toString())).statusCode(422)
                .contentType("application/problem+json").body("type", containsString("outside-recovery-window"))
                .body("detail", containsString("recovery window is " + now.minusSeconds(300)));
        pointInTime(Map.of("time", now.plusSeconds(3600).toString())).statusCode(422)
                .body("type", containsString("outside-recovery-window"));
        pointInTime(Map.of("lsn", "0/9000000")).statusCode(422).body("type", containsString("outside-recovery-window"));
        pointInTime(Map.of("restorePoint", "never-made")).statusCode(422)
                .body("type", containsString("unknown-restore-point"));
        pointInTime(Map.of("time", now.minusSeconds(150).toString(), "latest", true)).statusCode(400);
        fixture.register("wal-none");
        given().contentType(ContentType.JSON).body(Map.of("cluster", "wal-none", "target", Map.of("latest",
                true), "replace", true, "reason", "test")).post("/api/v1/restores").then().statusCode(422)
                .contentType("application/problem+json").body("type", containsString("no-wal-archive"));

        JsonPath accepted = pointInTime(Map.of("time", now.minusSeconds(150).toString())).statusCode(202).extract()
                .jsonPath();
        assertThat(accepted.getString("restore.snapshotId")).isEqualTo(snapshotId.toString());
        assertThat(accepted.getString("restore.pointInTime.targetKind")).isEqualTo("time");
        JsonNode parameters = registry.json().readTree(taskEvent(accepted.getString("taskId"),
                TaskEvents.REQUESTED.type()).value()).get("parameters");
        assertThat(parameters.get(SnapshotTasks.SNAPSHOT_ID).asText()).isEqualTo(snapshotId.toString());
        assertThat(parameters.get(SnapshotTasks.EXPECTED_SHA256).asText()).isEqualTo("ab".repeat(32));
        assertThat(parameters.get(WalTasks.WAL_KEY_PREFIX).asText()).isEqualTo("wal-source/wal/" + id);
        assertThat(parameters.get(WalTasks.WAL_SEGMENT_RUNS).asText())
                .isEqualTo("000000010000000000000001 000000010000000000000003");
        assertThat(parameters.get(WalTasks.RECOVERY_TARGET_KIND).asText()).isEqualTo("time");
        assertThat(parameters.get(WalTasks.RECOVERY_TARGET).asText()).isEqualTo(now.minusSeconds(150).toString());
        assertThat(parameters.get(WalTasks.PAUSE_AT_TARGET).asText()).isEqualTo("false");
        UUID restoreTask = UUID.fromString(accepted.getString("taskId"));
        String restoreId = accepted.getString("restore.id");
        fixture.finished(UUID.randomUUID(), restoreTask, WalTasks.POINT_IN_TIME_RESTORE, restoreId, "succeeded",
                null, Map.of(WalTasks.REACHED_LSN, "0/3000100", WalTasks.REACHED_TIMELINE, "2",
                        WalTasks.RECOVERY_STOP, "before transaction 812"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "completed".equals(given()
                .get("/api/v1/restores/{id}", restoreId).then().extract().jsonPath().getString("phase")));
        JsonPath restored = given().get("/api/v1/restores/{id}", restoreId).then().extract().jsonPath();
        assertThat(restored.getString("pointInTime.reachedLsn")).isEqualTo("0/3000100");
        assertThat(restored.getInt("pointInTime.reachedTimeline")).isEqualTo(2);

        ontoANewNode(now.minusSeconds(150));

        JsonPath point = given().contentType(ContentType.JSON).body(Map.of("cluster", "wal-source", "name",
                "before migration 42")).post("/api/v1/restore-points").then().statusCode(201).extract().jsonPath();
        String pointLsn = point.getString("lsn");
        assertThat(pointLsn).matches("[0-9A-F]+/[0-9A-F]+");
        assertThat(lsn(pointLsn)).as("the restore point's record ends before the server's insert position")
                .isLessThanOrEqualTo(lsn(insertLsn()));
        assertThat(QuarkusTransaction.requiringNew().call(() -> RestorePoint.named("wal-source",
                "before migration 42").orElseThrow().lsn)).isEqualTo(pointLsn);
        given().contentType(ContentType.JSON).body(Map.of("cluster", "wal-source", "name", "before migration 42"))
                .post("/api/v1/restore-points").then().statusCode(409).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("cluster", "wal-source", "name", "x".repeat(64)))
                .post("/api/v1/restore-points").then().statusCode(400).contentType("application/problem+json");
        assertThat(given().get("/api/v1/restore-points?cluster=wal-source").then().statusCode(200).extract()
                .jsonPath().getList("name")).containsExactly("before migration 42");

        assertThat(lsn(pointLsn)).as("a fresh server writes its restore point inside the archived segments 1 to 3")
                .isBetween(lsn("0/1000100"), 4 * SEGMENT);
        String byPointTask = pointInTime(Map.of("restorePoint", "before migration 42")).statusCode(202).extract()
                .jsonPath().getString("taskId");
        JsonNode byPoint = registry.json().readTree(taskEvent(byPointTask, TaskEvents.REQUESTED.type()).value());
        assertThat(byPoint.get("type").asText()).isEqualTo(WalTasks.POINT_IN_TIME_RESTORE);
        assertThat(byPoint.get("clusters").get(0).asText()).isEqualTo("wal-source");
        assertThat(byPoint.get("parameters").get(WalTasks.RECOVERY_TARGET_KIND).asText()).isEqualTo("restore-point");
        assertThat(byPoint.get("parameters").get(WalTasks.RECOVERY_TARGET).asText()).isEqualTo("before migration 42");

        fixture.segment(UUID.randomUUID(), id, "wal-source", 5, now.minusSeconds(50));
        await().atMost(Duration.ofSeconds(20)).until(() -> archive(id).getList("gaps").size() == 1);
        assertThat(archive(id).getList("gaps"))
                .containsExactly("timeline 1: 000000010000000000000004 missing");
        assertThat(archive(id).getString("recoveryWindow")).isNull();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/metrics").then()
                .body(containsString("drsuite_wal_archive_gaps{cluster=\"wal-source\"} 1.0"))
                .body(containsString("drsuite_recovery_window_seconds{cluster=\"wal-source\"} 0.0"))
                .body(containsString("drsuite_wal_archive_last_segment_age_seconds{cluster=\"wal-source\"}")));
        pointInTime(Map.of("latest", true)).statusCode(422).body("type", containsString("outside-recovery-window"));
    }

    /**
     * A restore onto a node in no cluster: refused where a registered node is, with a registered node named too, or
     * at a relative path; accepted, it names the node in the task (which holds the node's place, not a cluster) and
     * in the restore, and a second restore to the same place waits for the first to end.
     */
    private void ontoANewNode(Instant time) throws Exception {
        Map<String, Object> access = Map.of("kind", "local", "osUser", "postgres");
        Map<String, Object> where = Map.of("name", "wal-new", "host", "127.0.0.1", "port", source.port() + 1,
                "dataDirectory", "/tmp/drsuite-wal-new-node", "access", access);
        Map<String, Object> atTheSource = new HashMap<>(where);
        atTheSource.put("port", source.port());
        Map<String, Object> relative = new HashMap<>(where);
        relative.put("dataDirectory", "data/wal-new");
        onto(time, Map.of("newNode", atTheSource)).statusCode(409).contentType("application/problem+json")
                .body("type", containsString("node-place-in-use"));
        onto(time, Map.of("newNode", where, "cluster", "wal-source")).statusCode(400)
                .contentType("application/problem+json");
        onto(time, Map.of("newNode", relative)).statusCode(400).contentType("application/problem+json");

        JsonPath accepted = onto(time, Map.of("newNode", where)).statusCode(202).extract().jsonPath();
        assertThat(accepted.getString("restore.targetCluster")).isNull();
        assertThat(accepted.getString("restore.targetNode")).isEqualTo("wal-new");
        assertThat(accepted.getString("restore.newNode.dataDirectory")).isEqualTo("/tmp/drsuite-wal-new-node");
        assertThat(accepted.getBoolean("restore.replace")).isFalse();
        JsonNode request = registry.json().readTree(taskEvent(accepted.getString("taskId"),
                TaskEvents.REQUESTED.type()).value());
        assertThat(request.get("clusters").get(0).asText())
                .isEqualTo(WalTasks.newNodeLock("127.0.0.1", "/tmp/drsuite-wal-new-node"));
        JsonNode parameters = request.get("parameters");
        assertThat(parameters.has(SnapshotTasks.TARGET_CLUSTER)).isFalse();
        assertThat(parameters.get(WalTasks.CLUSTER).asText()).isEqualTo("wal-source");
        JsonNode node = registry.json().readTree(parameters.get(WalTasks.NEW_NODE).asText());
        assertThat(node.get("port").asInt()).isEqualTo(source.port() + 1);
        assertThat(node.get("access").get("osUser").asText()).isEqualTo("postgres");
        Map<String, Object> samePort = new HashMap<>(where);
        samePort.put("dataDirectory", "/tmp/drsuite-wal-new-node-2");
        onto(time, Map.of("newNode", samePort)).statusCode(409).body("type", containsString("restore-running"));

        String restoreId = accepted.getString("restore.id");
        fixture.finished(UUID.randomUUID(), UUID.fromString(accepted.getString("taskId")),
                WalTasks.POINT_IN_TIME_RESTORE, restoreId, "succeeded", null, Map.of(WalTasks.REACHED_LSN,
                        "0/3000100", WalTasks.REACHED_TIMELINE, "2", WalTasks.RECOVERY_STOP, "before transaction 812"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "completed".equals(given()
                .get("/api/v1/restores/{id}", restoreId).then().extract().jsonPath().getString("phase")));
    }

    private ValidatableResponse onto(Instant time, Map<String, Object> onto) {
        Map<String, Object> body = body(Map.of("time", time.toString()));
        body.remove("replace");
        body.put("onto", onto);
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/restores").then();
    }

    private ValidatableResponse pointInTime(Map<String, Object> target) {
        return given().contentType(ContentType.JSON).body(body(target)).post("/api/v1/restores").then();
    }

    private static Map<String, Object> body(Map<String, Object> target) {
        Map<String, Object> body = new HashMap<>();
        body.put("cluster", "wal-source");
        body.put("target", target);
        body.put("replace", true);
        body.put("reason", "test: rows deleted by mistake");
        return body;
    }

    private String insertLsn() throws SQLException {
        try (Connection connection = source.connect("postgres");
                ResultSet row = connection.createStatement().executeQuery("select pg_current_wal_insert_lsn()::text")) {
            row.next();
            return row.getString(1);
        }
    }

    private static long lsn(String text) {
        String[] parts = text.split("/");
        return (Long.parseLong(parts[0], 16) << 32) | Long.parseLong(parts[1], 16);
    }

    private ValidatableResponse switchOn(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/wal-archives").then();
    }

    private static List<Object> archives(String cluster) {
        return given().get(cluster == null ? "/api/v1/wal-archives" : "/api/v1/wal-archives?cluster=" + cluster)
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static JsonPath archive(UUID id) {
        return given().get("/api/v1/wal-archives/{id}", id).then().statusCode(200).extract().jsonPath();
    }
}
