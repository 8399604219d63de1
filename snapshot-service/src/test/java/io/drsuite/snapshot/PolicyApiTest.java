package io.drsuite.snapshot;

import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.drsuite.events.CloudEventHeaders;
import io.drsuite.events.snapshot.SnapshotEvents;
import io.drsuite.events.snapshot.SnapshotKind;
import io.drsuite.events.task.SnapshotTasks;
import io.drsuite.events.task.VerifyVerdict;
import io.drsuite.snapshot.model.Snapshot;
import io.drsuite.snapshot.model.SnapshotPhase;
import io.drsuite.testing.KafkaProbe;
import io.drsuite.testing.LocalInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.drsuite.testing.RegistryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Backup policies through the API, and retention deleting what a policy no longer keeps: stored objects in the
 * real storage folder, catalog rows in the real database, events on the real Kafka. (The one-minute schedule
 * producing real snapshots runs in the system tests, with task-service.)
 */
@QuarkusTest
class PolicyApiTest {

    @Inject
    RegistryFixture registry;

    @BeforeEach
    void setUp() {
        new SnapshotFixture(registry).register("policy-prod");
    }

    @Test
    void aPolicyIsCreatedShownSuspendedAndDeleted() {
        Map<String, Object> body = policy("nightly", "30 2 * * *", Map.of("keepLast", 7, "maxAge", "P30D",
                "recoveryWindow", "P3D"));
        JsonPath created = given().contentType(ContentType.JSON).body(body).post("/api/v1/policies").then()
                .statusCode(201).body("schedule", equalTo("30 2 * * *")).body("retention.keepLast", equalTo(7))
                .body("retention.maxAge", equalTo("PT720H")).body("retention.recoveryWindow", equalTo("PT72H"))
                .body("nextRunAt", notNullValue()).body("lastRunAt", nullValue()).extract().jsonPath();
        String id = created.getString("id");
        Instant next = Instant.parse(created.getString("nextRunAt"));
        assertThat(next).isAfter(Instant.now());
        assertThat(next.toString()).contains("T02:30:00Z");

        given().contentType(ContentType.JSON).body(body).post("/api/v1/policies").then().statusCode(409)
                .contentType("application/problem+json");
        Map<String, Object> suspended = new HashMap<>(body);
        suspended.put("suspended", true);
        given().contentType(ContentType.JSON).body(suspended).put("/api/v1/policies/{id}", id).then().statusCode(200)
                .body("suspended", equalTo(true)).body("nextRunAt", nullValue());
        given().get("/api/v1/policies").then().statusCode(200).body("name", org.hamcrest.Matchers.hasItem("nightly"));
        given().delete("/api/v1/policies/{id}", id).then().statusCode(204);
        given().get("/api/v1/policies/{id}", id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void invalidPoliciesAreRefused() {
        refused(policy("bad-cron", "61 * * * *", Map.of("keepLast", 1)), 400, "schedule");
        refused(policy("quartz-cron", "0 0 2 * * ?", Map.of("keepLast", 1)), 400, "schedule");
        refused(policy("no-retention", "* * * * *", Map.of()), 400, "retention");
        refused(policy("tiny-age", "* * * * *", Map.of("maxAge", "PT10S")), 400, "maxAge");
        Map<String, Object> logicalWindow = policy("logical-window", "* * * * *", Map.of("keepLast", 1,
                "recoveryWindow", "P7D"));
        logicalWindow.put("kind", "logical");
        logicalWindow.put("database", "postgres");
        refused(logicalWindow, 400, "recoveryWindow is for physical policies");
        Map<String, Object> unknownCluster = policy("elsewhere", "* * * * *", Map.of("keepLast", 1));
        unknownCluster.put("cluster", "nowhere");
        given().contentType(ContentType.JSON).body(unknownCluster).post("/api/v1/policies").then().statusCode(422);
        given().get("/api/v1/policies").then().body("name", org.hamcrest.Matchers.not(org.hamcrest.Matchers
                .hasItems("bad-cron", "quartz-cron", "no-retention", "tiny-age", "elsewhere", "logical-window")));
    }

    @Test
    void theClusterObjectivesRoundTripAndBadValuesChangeNothing() {
        Map<String, Object> body = policy("objectives", "0 5 * * *", Map.of("keepLast", 3));
        body.put("restoreObjectiveSeconds", 900);
        body.put("maxBackupAgeSeconds", 86_400);
        String id = given().contentType(ContentType.JSON).body(body).post("/api/v1/policies").then().statusCode(201)
                .body("restoreObjectiveSeconds", equalTo(900)).body("maxBackupAgeSeconds", equalTo(86_400))
                .extract().jsonPath().getString("id");
        given().get("/api/v1/policies/{id}", id).then().statusCode(200).body("restoreObjectiveSeconds", equalTo(900))
                .body("maxBackupAgeSeconds", equalTo(86_400));

        for (Map.Entry<String, Object> bad : List.of(Map.<String, Object>entry("restoreObjectiveSeconds", 0),
                Map.<String, Object>entry("restoreObjectiveSeconds", -5),
                Map.<String, Object>entry("restoreObjectiveSeconds", 8L * 24 * 3600),
                Map.<String, Object>entry("maxBackupAgeSeconds", 30),
                Map.<String, Object>entry("maxBackupAgeSeconds", 400L * 24 * 3600))) {
            Map<String, Object> changed = new HashMap<>(body);
            changed.put(bad.getKey(), bad.getValue());
            given().contentType(ContentType.JSON).body(changed).put("/api/v1/policies/{id}", id).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("field", containsString(bad.getKey()));
        }
        given().get("/api/v1/policies/{id}", id).then().statusCode(200).body("restoreObjectiveSeconds", equalTo(900))
                .body("maxBackupAgeSeconds", equalTo(86_400));

        body.remove("restoreObjectiveSeconds");
        given().contentType(ContentType.JSON).body(body).put("/api/v1/policies/{id}", id).then().statusCode(200)
                .body("restoreObjectiveSeconds", nullValue()).body("maxBackupAgeSeconds", equalTo(86_400));
        given().delete("/api/v1/policies/{id}", id).then().statusCode(204);
    }

    @Test
    void retentionDeletesTheOldestBeyondKeepLastButNeverTheNewest() throws Exception {
        UUID keepOne = UUID.fromString(given().contentType(ContentType.JSON)
                .body(policy("keep-one", "0 3 * * *", Map.of("keepLast", 1))).post("/api/v1/policies").then()
                .statusCode(201).extract().jsonPath().getString("id"));
        UUID youngOnly = UUID.fromString(given().contentType(ContentType.JSON)
                .body(policy("young-only", "0 4 * * *", Map.of("maxAge", "PT1H"))).post("/api/v1/policies").then()
                .statusCode(201).extract().jsonPath().getString("id"));
        Instant now = Instant.now();
        List<UUID> keepOneSnapshots = List.of(stored(keepOne, now.minusSeconds(300)),
                stored(keepOne, now.minusSeconds(200)), stored(keepOne, now.minusSeconds(100)));
        List<UUID> oldSnapshots = List.of(stored(youngOnly, now.minus(Duration.ofHours(3))),
                stored(youngOnly, now.minus(Duration.ofHours(2))));

        await().atMost(Duration.ofSeconds(30)).until(() -> !exists(keepOneSnapshots.get(0))
                && !exists(keepOneSnapshots.get(1)) && !exists(oldSnapshots.get(0)));
        assertThat(exists(keepOneSnapshots.get(2))).isTrue();
        assertThat(exists(oldSnapshots.get(1))).as("the newest stays even past maxAge").isTrue();
        assertThat(Files.exists(objectFile(keepOneSnapshots.get(0)))).isFalse();
        assertThat(Files.exists(objectFile(keepOneSnapshots.get(2)))).isTrue();
        given().get("/api/v1/snapshots/{id}", keepOneSnapshots.get(0)).then().statusCode(404);
        assertThat(KafkaProbe.readAll(SnapshotEvents.TOPIC, record -> record.key().equals(
                keepOneSnapshots.get(0).toString()), Duration.ofSeconds(1), Duration.ofSeconds(20)))
                .extracting(record -> KafkaProbe.header(record, CloudEventHeaders.TYPE))
                .containsExactly(SnapshotEvents.DELETED.type());
    }

    @Test
    void retentionSkipsSnapshotsBeingVerifiedOrRestoredUntilTheirTasksEnd() throws Exception {
        UUID keepTwo = policyId(policy("keep-two-busy", "0 5 * * *", Map.of("keepLast", 2)));
        Instant now = Instant.now();
        UUID verifying = stored(keepTwo, now.minusSeconds(400));
        UUID restoring = stored(keepTwo, now.minusSeconds(300));
        UUID verifyTask = verify(verifying);
        UUID restoreTask = UUID.fromString(given().contentType(ContentType.JSON).body(Map.of("replace", true, "reason", "test"))
                .post("/api/v1/snapshots/{id}/restore", restoring).then().statusCode(202).extract().jsonPath()
                .getString("taskId"));
        stored(keepTwo, now.minusSeconds(200));
        stored(keepTwo, now.minusSeconds(100));
        UUID oldest = stored(keepTwo, now.minusSeconds(500));

        await().atMost(Duration.ofSeconds(30)).until(() -> !exists(oldest));
        assertThat(exists(verifying)).as("a snapshot being verified survives retention").isTrue();
        assertThat(exists(restoring)).as("a snapshot being restored survives retention").isTrue();
        assertThat(Files.exists(objectFile(restoring))).isTrue();

        SnapshotFixture tasks = new SnapshotFixture(registry);
        tasks.finished(UUID.randomUUID(), verifyTask, SnapshotTasks.VERIFY, verifying.toString(), "failed",
                "storage unreachable", Map.of());
        tasks.finished(UUID.randomUUID(), restoreTask, SnapshotTasks.PHYSICAL_RESTORE, restoring.toString(),
                "succeeded", null, Map.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> !exists(verifying) && !exists(restoring));
    }

    @Test
    void withKeepLastOneTheNewestVerifiedSnapshotSurvivesNewerUnverifiedOnes() throws Exception {
        UUID keepOne = policyId(policy("keep-verified", "0 6 * * *", Map.of("keepLast", 1)));
        Instant now = Instant.now();
        UUID verified = stored(keepOne, now.minusSeconds(400));
        UUID verifyTask = verify(verified);
        new SnapshotFixture(registry).finished(UUID.randomUUID(), verifyTask, SnapshotTasks.VERIFY,
                verified.toString(), "succeeded", null, Map.of(SnapshotTasks.VERDICT, VerifyVerdict.OK.wireName()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/snapshots/{id}", verified)
                .then().body("verification.state", equalTo("ok")));
        UUID olderUnverified = stored(keepOne, now.minusSeconds(500));
        UUID newerUnverified = stored(keepOne, now.minusSeconds(200));
        UUID newest = stored(keepOne, now.minusSeconds(100));

        await().atMost(Duration.ofSeconds(30)).until(() -> !exists(olderUnverified) && !exists(newerUnverified));
        assertThat(exists(newest)).as("the newest completed stays").isTrue();
        assertThat(exists(verified)).as("the newest verified stays").isTrue();
        assertThat(Files.exists(objectFile(verified))).isTrue();
    }

    /** Requests a verification; with no task-service here it stays running until a test sends its outcome. */
    private static UUID verify(UUID snapshotId) {
        return UUID.fromString(given().contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/snapshots/{id}/verify", snapshotId).then().statusCode(202).extract().jsonPath()
                .getString("taskId"));
    }

    private static UUID policyId(Map<String, Object> body) {
        return UUID.fromString(given().contentType(ContentType.JSON).body(body).post("/api/v1/policies").then()
                .statusCode(201).extract().jsonPath().getString("id"));
    }

    private static Map<String, Object> policy(String name, String schedule, Map<String, Object> retention) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("cluster", "policy-prod");
        body.put("kind", "physical");
        body.put("schedule", schedule);
        body.put("retention", retention);
        return body;
    }

    private static void refused(Map<String, Object> body, int status, String detail) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/policies").then().statusCode(status)
                .contentType("application/problem+json").body("detail", containsString(detail));
    }

    /** A completed snapshot of the policy with its object in the local storage folder, as a backup leaves it. */
    private static UUID stored(UUID policyId, Instant requestedAt) throws Exception {
        Snapshot snapshot = new Snapshot();
        snapshot.id = UUID.randomUUID();
        snapshot.cluster = "policy-prod";
        snapshot.kind = SnapshotKind.PHYSICAL;
        snapshot.storage = "local";
        snapshot.objectKey = "policy-prod/physical/" + snapshot.id + "/base.tar.gz";
        snapshot.policyId = policyId;
        snapshot.majorVersion = 15;
        snapshot.phase = SnapshotPhase.COMPLETED;
        snapshot.taskId = UUID.randomUUID();
        snapshot.requestedAt = requestedAt;
        snapshot.completedAt = requestedAt.plusSeconds(5);
        snapshot.sizeBytes = 3L;
        snapshot.sha256 = "ab".repeat(32);
        Path file = objectFile(snapshot.id);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "tar");
        QuarkusTransaction.requiringNew().run(snapshot::persist);
        return snapshot.id;
    }

    private static Path objectFile(UUID snapshotId) {
        return LocalInfrastructure.snapshotFolder().resolve("policy-prod/physical/" + snapshotId + "/base.tar.gz");
    }

    private static boolean exists(UUID snapshotId) {
        return QuarkusTransaction.requiringNew().call(() -> Snapshot.findById(snapshotId) != null);
    }
}
