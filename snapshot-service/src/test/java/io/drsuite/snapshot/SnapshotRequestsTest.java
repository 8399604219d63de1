package io.drsuite.snapshot;

import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.drsuite.events.CloudEventHeaders;
import io.drsuite.events.snapshot.SnapshotEvents;
import io.drsuite.events.snapshot.SnapshotKind;
import io.drsuite.events.task.SnapshotTasks;
import io.drsuite.events.task.TaskEvents;
import io.drsuite.events.task.TaskProgressed;
import io.drsuite.snapshot.model.RestorePhase;
import io.drsuite.snapshot.model.SnapshotRestore;
import io.drsuite.testing.KafkaProbe;
import io.drsuite.testing.PagedList;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.RegistryFixture;
import io.drsuite.testing.SignedIn;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The snapshot API against a real PostgreSQL server, the real Kafka and the service's real database: accepted
 * requests record a snapshot and request one task; refusals are problem+json and change nothing; task outcomes
 * are folded once; the DR rules refuse naming the relationship.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnapshotRequestsTest {

    @Inject
    RegistryFixture registry;

    SnapshotFixture fixture;
    PostgresInstance source;

    @BeforeAll
    void startSource() {
        source = PostgresInstance.primary("snap-source");
        source.execute("create database shop");
        source.executeIn("shop", "create table orders (id int primary key, item text)",
                "create schema sales", "create table sales.invoices (id int primary key)");
    }

    @AfterAll
    void stopSource() {
        source.close();
    }

    @BeforeEach
    void setUp() {
        fixture = new SnapshotFixture(registry);
        fixture.register("snap-source", source);
    }

    @Test
    void aLogicalSnapshotIsRecordedAndRequestsOneTaskWithoutSecrets() {
        JsonPath accepted = take(Map.of("cluster", "snap-source", "kind", "logical", "database", "shop",
                "tables", List.of("orders", "sales.invoices"), "label", "before upgrade"))
                .statusCode(202).extract().jsonPath();
        String id = accepted.getString("snapshot.id");
        String taskId = accepted.getString("taskId");
        assertThat(accepted.getString("snapshot.phase")).isEqualTo("running");
        assertThat(accepted.getString("snapshot.storage")).isEqualTo("local");
        assertThat(accepted.getList("snapshot.tables")).containsExactly("orders", "sales.invoices");

        List<ConsumerRecord<String, String>> requests = KafkaProbe.readAll(TaskEvents.TOPIC,
                record -> taskId.equals(record.key())
                        && TaskEvents.REQUESTED.type().equals(KafkaProbe.header(record, CloudEventHeaders.TYPE)),
                Duration.ofSeconds(2), Duration.ofSeconds(20));
        assertThat(requests).hasSize(1);
        String request = requests.getFirst().value();
        assertThat(request).contains(SnapshotTasks.LOGICAL_BACKUP, "backup:snap-source", "snap-source/logical/" + id)
                .doesNotContain(PostgresInstance.SUPERUSER_PASSWORD);
        assertThat(KafkaProbe.readAll(SnapshotEvents.TOPIC, record -> id.equals(record.key()), Duration.ofSeconds(1),
                Duration.ofSeconds(20))).extracting(record -> KafkaProbe.header(record, CloudEventHeaders.TYPE))
                .containsExactly(SnapshotEvents.STARTED.type());
        given().get("/api/v1/snapshots/{id}", id).then().statusCode(200).body("label", equalTo("before upgrade"));
    }

    @Test
    void refusalsAreProblemsAndChangeNothing() {
        int before = given().get("/api/v1/snapshots").then().extract().jsonPath().getList("$").size();
        refused(Map.of("cluster", "nowhere", "kind", "physical"), 422, "unknown-cluster");
        refused(Map.of("cluster", "snap-source", "kind", "logical"), 400, "invalid-request");
        refused(Map.of("cluster", "snap-source", "kind", "physical", "database", "shop"), 400, "invalid-request");
        refused(Map.of("cluster", "snap-source", "kind", "logical", "database", "nope"), 422, "unknown-database");
        refused(Map.of("cluster", "snap-source", "kind", "logical", "database", "shop", "tables", List.of("ghost")),
                422, "unknown-table");
        refused(Map.of("cluster", "snap-source", "kind", "logical", "database", "shop",
                "tables", List.of("orders; drop table orders")), 400, "invalid-request");
        refused(Map.of("cluster", "snap-source", "kind", "physical", "storage", "tape"), 422, "unknown-storage");
        refused(Map.of("cluster", "snap-source", "kind", "incremental"), 400, "unreadable-body");
        refused(Map.of("cluster", "Snap Source", "kind", "physical"), 400, "invalid-request");
        assertThat(given().get("/api/v1/snapshots").then().extract().jsonPath().getList("$")).hasSize(before);
        given().get("/api/v1/snapshots/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/snapshots?kind=incremental").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void taskOutcomesAreFoldedOnceAndAnnounced() {
        JsonPath accepted = take(Map.of("cluster", "snap-source", "kind", "physical")).statusCode(202).extract()
                .jsonPath();
        UUID id = UUID.fromString(accepted.getString("snapshot.id"));
        UUID taskId = UUID.fromString(accepted.getString("taskId"));
        fixture.send(TaskEvents.PROGRESSED, UUID.randomUUID(), taskId, new TaskProgressed(taskId,
                SnapshotTasks.PHYSICAL_BACKUP, id.toString(), "stream-base-backup", "running", 40, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> snapshot(id).getInt("percent") == 40);

        UUID eventId = UUID.randomUUID();
        Map<String, String> artifacts = Map.of(SnapshotTasks.SIZE_BYTES, "4096", SnapshotTasks.SHA256,
                "ab".repeat(32), SnapshotTasks.START_LSN, "0/3000028", SnapshotTasks.TIMELINE, "1",
                SnapshotTasks.CONSISTENT_AT, Instant.now().toString());
        fixture.finished(eventId, taskId, SnapshotTasks.PHYSICAL_BACKUP, id.toString(), "succeeded", null, artifacts);
        fixture.finished(eventId, taskId, SnapshotTasks.PHYSICAL_BACKUP, id.toString(), "succeeded", null, artifacts);
        await().atMost(Duration.ofSeconds(20)).until(() -> "completed".equals(snapshot(id).getString("phase")));
        JsonPath completed = snapshot(id);
        assertThat(completed.getLong("sizeBytes")).isEqualTo(4096);
        assertThat(completed.getString("startLsn")).isEqualTo("0/3000028");
        assertThat(completed.getInt("percent")).isEqualTo(100);
        assertThat(KafkaProbe.readAll(SnapshotEvents.TOPIC, record -> id.toString().equals(record.key()),
                Duration.ofSeconds(2), Duration.ofSeconds(20)))
                .extracting(record -> KafkaProbe.header(record, CloudEventHeaders.TYPE))
                .containsExactly(SnapshotEvents.STARTED.type(), SnapshotEvents.COMPLETED.type());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/metrics").then()
                .body(containsString("drsuite_snapshot_size_bytes{cluster=\"snap-source\",kind=\"physical\"} 4096.0"))
                .body(containsString("drsuite_snapshot_last_success_age_seconds{cluster=\"snap-source\"}")));

        JsonPath second = take(Map.of("cluster", "snap-source", "kind", "physical")).statusCode(202).extract()
                .jsonPath();
        UUID failedId = UUID.fromString(second.getString("snapshot.id"));
        fixture.finished(UUID.randomUUID(), UUID.fromString(second.getString("taskId")),
                SnapshotTasks.PHYSICAL_BACKUP, failedId.toString(), "failed", "pg_basebackup: connection refused",
                Map.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> "failed".equals(snapshot(failedId).getString("phase")));
        assertThat(snapshot(failedId).getString("error")).contains("connection refused");
        given().get("/q/metrics").then().body(containsString(
                "drsuite_snapshot_failures_total{cluster=\"snap-source\",kind=\"physical\",reason=\"failed\"}"));
        given().contentType(ContentType.JSON).post("/api/v1/snapshots/{id}/restore", failedId).then().statusCode(409)
                .body("type", containsString("snapshot-not-restorable"));
    }

    @Test
    void aDrRelationshipRefusesSnapshotsOfItsDrClusterAndRestoresIntoEitherCluster() {
        fixture.register("rule-prod");
        fixture.register("rule-dr");
        JsonPath accepted = take(Map.of("cluster", "rule-prod", "kind", "physical")).statusCode(202).extract()
                .jsonPath();
        UUID snapshotId = UUID.fromString(accepted.getString("snapshot.id"));
        fixture.finished(UUID.randomUUID(), UUID.fromString(accepted.getString("taskId")),
                SnapshotTasks.PHYSICAL_BACKUP, snapshotId.toString(), "succeeded", null, Map.of(
                        SnapshotTasks.SIZE_BYTES, "1", SnapshotTasks.SHA256, "cd".repeat(32)));
        await().atMost(Duration.ofSeconds(20)).until(() -> "completed".equals(snapshot(snapshotId).getString("phase")));

        UUID relationship = UUID.randomUUID();
        fixture.relationship(relationship, "rule-rel", "active", "rule-prod", "rule-dr");
        int before = given().get("/api/v1/snapshots").then().extract().jsonPath().getList("$").size();
        take(Map.of("cluster", "rule-dr", "kind", "physical")).statusCode(409)
                .contentType("application/problem+json").body("type", containsString("dr-cluster"))
                .body("detail", containsString("rule-rel"));
        for (String target : List.of("rule-prod", "rule-dr")) {
            given().contentType(ContentType.JSON).body(Map.of("targetCluster", target, "replace", true,
                    "reason", "test"))
                    .post("/api/v1/snapshots/{id}/restore", snapshotId).then().statusCode(409)
                    .body("type", containsString("cluster-in-relationship")).body("detail", containsString("rule-rel"));
        }
        assertThat(given().get("/api/v1/snapshots").then().extract().jsonPath().getList("$")).hasSize(before);
        take(Map.of("cluster", "rule-prod", "kind", "physical")).statusCode(202);

        fixture.relationship(relationship, "rule-rel", "stopped", "rule-prod", "rule-dr");
        take(Map.of("cluster", "rule-dr", "kind", "physical")).statusCode(202);
    }

    @Test
    void aRestoreThatReplacesDataNeedsTheAdminRole() {
        fixture.register("role-source");
        JsonPath accepted = take(Map.of("cluster", "role-source", "kind", "physical")).statusCode(202).extract()
                .jsonPath();
        UUID snapshotId = UUID.fromString(accepted.getString("snapshot.id"));
        fixture.finished(UUID.randomUUID(), UUID.fromString(accepted.getString("taskId")),
                SnapshotTasks.PHYSICAL_BACKUP, snapshotId.toString(), "succeeded", null, Map.of(
                        SnapshotTasks.SIZE_BYTES, "1", SnapshotTasks.SHA256, "cd".repeat(32)));
        await().atMost(Duration.ofSeconds(20)).until(() -> "completed".equals(snapshot(snapshotId).getString("phase")));
        Map<String, Object> replacing = Map.of("targetCluster", "role-source", "replace", true, "reason",
                "test: the source lost rows");

        SignedIn.as(SignedIn.OPERATOR).contentType(ContentType.JSON).body(replacing)
                .post("/api/v1/snapshots/{id}/restore", snapshotId).then().statusCode(403)
                .contentType("application/problem+json").body("type", containsString("role-required"))
                .body("detail", containsString("admin"));
        assertThat(given().get("/api/v1/snapshots/{id}/restores", snapshotId).then().statusCode(200).extract()
                .jsonPath().getList("$")).as("the refused restore left nothing behind").isEmpty();

        given().contentType(ContentType.JSON).body(Map.of("targetCluster", "role-source", "replace", true))
                .post("/api/v1/snapshots/{id}/restore", snapshotId).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("reason"));
        assertThat(given().get("/api/v1/snapshots/{id}/restores", snapshotId).then().statusCode(200).extract()
                .jsonPath().getList("$")).as("a replacing restore without a reason left nothing behind").isEmpty();

        given().contentType(ContentType.JSON).body(replacing).post("/api/v1/snapshots/{id}/restore", snapshotId)
                .then().statusCode(202).body("restore.requestedBy", equalTo(SignedIn.ADMIN));
        assertThat(given().get("/api/v1/snapshots/{id}/restores", snapshotId).then().extract().jsonPath()
                .getList("$")).hasSize(1);
    }

    /**
     * The catalog and a snapshot's restores read page by page: newest first, each once, with the cluster and kind
     * filters kept. The restores are written straight into the table, three in the same instant to show the id
     * breaking the tie: through the API each would wait for the one before it to end.
     */
    @Test
    void theCatalogAndTheRestoresAreReadPageByPage() {
        fixture.register("page-source");
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            newestFirst.addFirst(take(Map.of("cluster", "page-source", "kind", "physical")).statusCode(202)
                    .extract().jsonPath().getString("snapshot.id"));
        }
        assertThat(ids(PagedList.items("/api/v1/snapshots?cluster=page-source", 2))).isEqualTo(newestFirst);
        assertThat(ids(PagedList.items("/api/v1/snapshots?cluster=page-source&kind=physical", 1)))
                .isEqualTo(newestFirst);
        assertThat(PagedList.items("/api/v1/snapshots?cluster=page-source&kind=logical", 1)).isEmpty();
        List<String> catalog = ids(PagedList.items("/api/v1/snapshots", 2));
        assertThat(catalog).doesNotHaveDuplicates().containsSubsequence(newestFirst)
                .isEqualTo(ids(given().get("/api/v1/snapshots?limit=500").then().statusCode(200).extract()
                        .jsonPath().getList("$")));
        PagedList.refusesBadLimitAndCursor("/api/v1/snapshots");

        UUID snapshotId = UUID.fromString(newestFirst.getLast());
        Instant sameInstant = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<String> restores = new ArrayList<>(Stream.generate(() -> storeFailedRestore(snapshotId, sameInstant))
                .limit(3).map(UUID::toString).sorted(Comparator.reverseOrder()).toList());
        restores.add(storeFailedRestore(snapshotId, sameInstant.minusSeconds(60)).toString());
        assertThat(ids(PagedList.items("/api/v1/snapshots/{id}/restores", 2, snapshotId))).isEqualTo(restores);
        PagedList.refusesBadLimitAndCursor("/api/v1/snapshots/{id}/restores", snapshotId);
    }

    private static UUID storeFailedRestore(UUID snapshotId, Instant requestedAt) {
        SnapshotRestore restore = new SnapshotRestore();
        restore.id = UUID.randomUUID();
        restore.snapshotId = snapshotId;
        restore.kind = SnapshotKind.PHYSICAL;
        restore.targetCluster = "page-source";
        restore.phase = RestorePhase.FAILED;
        restore.taskId = UUID.randomUUID();
        restore.requestedAt = requestedAt;
        restore.finishedAt = requestedAt;
        restore.error = "written by the test";
        QuarkusTransaction.requiringNew().run(restore::persist);
        return restore.id;
    }

    private static List<String> ids(List<Map<String, Object>> items) {
        return items.stream().map(item -> (String) item.get("id")).toList();
    }

    private ValidatableResponse take(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/snapshots").then();
    }

    private void refused(Map<String, Object> body, int status, String type) {
        take(body).statusCode(status).contentType("application/problem+json").body("type", containsString(type));
    }

    private static JsonPath snapshot(UUID id) {
        return given().get("/api/v1/snapshots/{id}", id).then().statusCode(200).extract().jsonPath();
    }
}
