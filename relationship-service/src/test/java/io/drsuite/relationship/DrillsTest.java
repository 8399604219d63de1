package io.drsuite.relationship;

import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.drill.DrillEvents;
import io.drsuite.events.task.DrillTasks;
import io.drsuite.events.task.TaskEvents;
import io.drsuite.events.task.TaskFinished;
import io.drsuite.events.task.TaskProgressed;
import io.drsuite.events.task.TaskResult;
import io.drsuite.testing.ClusterEventFixtures;
import io.drsuite.testing.KafkaProbe;
import io.drsuite.testing.LocalInfrastructure;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.SignedIn;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Sandboxes and drills against the real control-plane database and Kafka: registrations and their refusals, drill
 * requests with their task request on drsuite.tasks, port allocation, and the folding of drill task events (published
 * here by hand, as task-service would) into verdicts, reports and metrics. Relationships are stored as rows in the
 * phase a case needs; a drill request never touches the clusters.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DrillsTest {

    private static final String FAR_HOST = "10.99.0.1";

    @Inject
    ObjectMapper json;

    PostgresInstance prod;

    @BeforeEach
    void registerCluster() {
        if (prod != null) {
            return;
        }
        prod = PostgresInstance.primary("dl-prod");
        given().contentType(ContentType.JSON).body(Registrations.cluster("dl-prod",
                prod)).post("/api/v1/clusters").then().statusCode(201);
    }

    @AfterAll
    void stopCluster() {
        if (prod != null) {
            prod.close();
        }
    }

    @Test
    void sandboxesAreRegisteredReadAndRemovedAndEveryRefusalChangesNothing() throws Exception {
        registerSandbox(sandbox("dl-box", FAR_HOST, "/srv/drsuite-sandbox", 6500, 6519)).statusCode(201)
                .header("Location", containsString("/api/v1/sandboxes/dl-box"))
                .body("access.kind", equalTo("local")).body("access.osUser", equalTo("postgres"))
                .body("portFrom", equalTo(6500)).body("portTo", equalTo(6519));
        given().get("/api/v1/sandboxes/dl-box").then().statusCode(200).body("dataRoot",
                equalTo("/srv/drsuite-sandbox")).body("host", equalTo(FAR_HOST));
        assertThat(given().get("/api/v1/sandboxes?limit=500").then().statusCode(200).extract().jsonPath()
                .getList("name", String.class)).contains("dl-box");
        io.drsuite.testing.PagedList.refusesBadLimitAndCursor("/api/v1/sandboxes");

        expectRefusal(registerSandbox(sandbox("dl-box", FAR_HOST, "/srv/other", 7000, 7001)), 409, "sandbox-exists",
                "dl-box");
        expectRefusal(registerSandbox(sandbox("Bad Name", FAR_HOST, "/srv/x", 7000, 7001)), 400, "invalid-request",
                "name");
        for (String root : List.of("srv/x", "/srv/x/", "/srv/../etc", "/srv/./x", "/srv//x", "/")) {
            expectRefusal(registerSandbox(sandbox("dl-bad", FAR_HOST, root, 7000, 7001)), 400, "", "");
        }
        expectRefusal(registerSandbox(sandbox("dl-bad", FAR_HOST, "/srv/x", 1000, 1001)), 400, "", "portFrom");
        expectRefusal(registerSandbox(sandbox("dl-bad", FAR_HOST, "/srv/x", 7001, 7000)), 400, "", "portFrom");
        expectRefusal(registerSandbox(sandbox("dl-bad", FAR_HOST, "/srv/x", 7000, 8000)), 400, "", "1000");
        expectRefusal(registerSandbox(sandbox("dl-bad", "127.0.0.1", "/srv/x", prod.port(), prod.port())), 409,
                "sandbox-overlaps-cluster", "dl-prod");
        // Other tests' nodes share that parent folder: any of them may be named.
        expectRefusal(registerSandbox(sandbox("dl-bad", "127.0.0.1", prod.dataDirectory().getParent().toString(),
                7000, 7001)), 409, "sandbox-overlaps-cluster", "lies inside sandbox 'dl-bad'");
        expectRefusal(registerSandbox(sandbox("dl-bad", "127.0.0.1", prod.dataDirectory().resolve("sub").toString(),
                7000, 7001)), 409, "sandbox-overlaps-cluster", "dl-prod");
        Map<String, Object> sshWithoutKey = sandbox("dl-bad", FAR_HOST, "/srv/x", 7000, 7001);
        sshWithoutKey.put("access", Map.of("kind", "ssh", "sshHost", FAR_HOST, "sshPort", 22, "sshUser", "postgres"));
        expectRefusal(registerSandbox(sshWithoutKey), 400, "invalid-request", "");
        SignedIn.as(SignedIn.OPERATOR).contentType(ContentType.JSON).body(sandbox("dl-bad", FAR_HOST, "/srv/x",
                7000, 7001)).post("/api/v1/sandboxes").then().statusCode(403);
        assertThat(count("select count(*) from relationship.sandbox where name = ?", "dl-bad")).isZero();
        assertThat(count("select count(*) from relationship.sandbox where name = ?", "dl-box")).isOne();

        // A cluster node inside a registered sandbox is refused too.
        registerSandbox(sandbox("dl-local", "127.0.0.1", "/srv/dl-local", 6600, 6609)).statusCode(201);
        Map<String, Object> inside = Registrations.cluster("dl-inside", prod);
        Registrations.nodes(inside).getFirst().put("port", 6601);
        given().contentType(ContentType.JSON).body(inside).post("/api/v1/clusters").then().statusCode(409)
                .contentType("application/problem+json").body("type", containsString("node-in-sandbox"));

        given().delete("/api/v1/sandboxes/dl-local").then().statusCode(204);
        given().get("/api/v1/sandboxes/dl-local").then().statusCode(404).contentType("application/problem+json");
        given().delete("/api/v1/sandboxes/dl-local").then().statusCode(404);
    }

    @Test
    void aDrillRequestsItsTaskUnderItsOwnLockWithTheSandboxNodeAndNoSecret() throws Exception {
        UUID relationship = storeRelationship("dl-request", "ACTIVE", null, 30, 300);
        registerSandbox(sandbox("dl-request-box", FAR_HOST, "/srv/dl-request", 6700, 6701)).statusCode(201);
        long before = System.currentTimeMillis();

        JsonPath drill = SignedIn.as(SignedIn.OPERATOR).contentType(ContentType.JSON)
                .body(drillRequest("dl-request", "dl-request-box", List.of(check("orders_recent",
                        "select count(*) > 0 from orders", "true"), Map.of("name", "shop_orders", "database",
                        "shop", "sql", "select count(*) from orders", "expected", "3"))))
                .post("/api/v1/drills").then().statusCode(202)
                .header("Location", containsString("/api/v1/drills/"))
                .body("kind", equalTo("failover_rehearsal")).body("state", equalTo("running"))
                .body("verdict", nullValue()).body("relationship", equalTo("dl-request"))
                .body("port", equalTo(6700)).body("requestedBy", equalTo(SignedIn.OPERATOR))
                .body("objectives.rpoObjectiveSeconds", equalTo(30))
                .body("objectives.rtoObjectiveSeconds", equalTo(300))
                .extract().jsonPath();
        String id = drill.getString("id");
        String taskId = drill.getString("taskId");
        assertThat(drill.getString("dataDirectory")).isEqualTo("/srv/dl-request/drill-" + id);

        List<ConsumerRecord<String, String>> requests = KafkaProbe.readAll(TaskEvents.TOPIC,
                record -> taskId.equals(record.key()), Duration.ofMillis(500), Duration.ofSeconds(20));
        assertThat(requests).hasSize(1);
        assertThat(KafkaProbe.header(requests.getFirst(), "ce_type")).isEqualTo(TaskEvents.REQUESTED.type());
        JsonPath task = JsonPath.from(requests.getFirst().value());
        assertThat(task.getString("type")).isEqualTo(DrillTasks.FAILOVER_REHEARSAL);
        assertThat(task.getString("target")).isEqualTo(id);
        assertThat(task.getList("clusters", String.class)).containsExactly("drill:" + relationship);
        assertThat(task.getInt("timeoutSeconds")).isEqualTo(1200);
        Map<String, String> parameters = task.getMap("parameters", String.class, String.class);
        assertThat(parameters).containsEntry(DrillTasks.DRILL_ID, id)
                .containsEntry(DrillTasks.PRIMARY_CLUSTER, "dl-request-prod")
                .containsEntry(DrillTasks.DR_CLUSTER, "dl-request-dr")
                .containsEntry(DrillTasks.SAMPLE_ABOVE_PAGES, "12800")
                .containsEntry(DrillTasks.SAMPLE_PERCENT, "10");
        JsonPath node = JsonPath.from(parameters.get(DrillTasks.SANDBOX_NODE));
        assertThat(node.getString("name")).isEqualTo("drill-" + id.substring(0, 8));
        assertThat(node.getString("host")).isEqualTo(FAR_HOST);
        assertThat(node.getInt("port")).isEqualTo(6700);
        assertThat(node.getString("dataDirectory")).isEqualTo("/srv/dl-request/drill-" + id);
        assertThat(node.getString("access.osUser")).isEqualTo("postgres");
        JsonPath checks = JsonPath.from(parameters.get(DrillTasks.USER_CHECKS));
        assertThat(checks.getString("[0].name")).isEqualTo("orders_recent");
        assertThat(checks.getString("[0].expected")).isEqualTo("true");
        assertThat(checks.getMap("[0]")).doesNotContainKey("database");
        assertThat(checks.getString("[1].database")).isEqualTo("shop");
        assertThat(requests.getFirst().value()).doesNotContain(PostgresInstance.SUPERUSER_PASSWORD)
                .doesNotContain(Registrations.REPLICATION_PASSWORD);

        List<ConsumerRecord<String, String>> announced = KafkaProbe.readAll(DrillEvents.TOPIC,
                record -> id.equals(record.key()) && record.timestamp() >= before, Duration.ofMillis(500),
                Duration.ofSeconds(20));
        assertThat(announced).hasSize(1);
        assertThat(announced.getFirst().value()).contains("\"state\":\"running\"").contains(taskId);

        given().get("/api/v1/drills/{id}", id).then().statusCode(200).body("taskId", equalTo(taskId));
        assertThat(given().get("/api/v1/drills?relationship=dl-request").then().statusCode(200).extract()
                .jsonPath().getList("id", String.class)).containsExactly(id);
        io.drsuite.testing.PagedList.refusesBadLimitAndCursor("/api/v1/drills");
        given().get("/api/v1/drills/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        // The relationship itself is not touched: no task of its own, still active.
        given().get("/api/v1/relationships/{id}", relationship).then().statusCode(200)
                .body("phase", equalTo("active")).body("currentTask", nullValue());
    }

    @Test
    void concurrentDrillsGetDistinctPortsAndAFullSandboxRefuses() throws Exception {
        storeRelationship("dl-ports-a", "ACTIVE", null, null, null);
        storeRelationship("dl-ports-b", "ACTIVE", null, null, null);
        storeRelationship("dl-ports-c", "ACTIVE", null, null, null);
        registerSandbox(sandbox("dl-ports-box", FAR_HOST, "/srv/dl-ports", 6800, 6801)).statusCode(201);
        registerSandbox(sandbox("dl-one-port", FAR_HOST, "/srv/dl-one", 6900, 6900)).statusCode(201);

        int first = runDrill("dl-ports-a", "dl-ports-box").statusCode(202).extract().path("port");
        int second = runDrill("dl-ports-b", "dl-ports-box").statusCode(202).extract().path("port");
        assertThat(List.of(first, second)).containsExactlyInAnyOrder(6800, 6801);
        expectRefusal(runDrill("dl-ports-c", "dl-ports-box"), 409, "sandbox-full", "dl-ports-box");

        runDrill("dl-ports-c", "dl-one-port").statusCode(202).body("port", equalTo(6900));
        storeRelationship("dl-ports-d", "ACTIVE", null, null, null);
        expectRefusal(runDrill("dl-ports-d", "dl-one-port"), 409, "sandbox-full", "dl-one-port");
        assertThat(count("select count(*) from relationship.drill where relationship_name = ?", "dl-ports-d"))
                .isZero();
        expectRefusal(given().delete("/api/v1/sandboxes/dl-one-port").then(), 409, "drill-running", "dl-one-port");

        // Whatever the checks before it saw, the database refuses a second running drill on a held port.
        try (Connection connection = controlPlane(); PreparedStatement statement = connection.prepareStatement(
                "insert into relationship.drill (id, kind, relationship_id, relationship_name, primary_cluster,"
                        + " dr_cluster, sandbox, port, data_directory, state, task_id, requested_at)"
                        + " values (gen_random_uuid(), 'FAILOVER_REHEARSAL', gen_random_uuid(), 'dl-ports-x', 'p',"
                        + " 'd', 'dl-one-port', 6900, '/srv/dl-one/x', 'RUNNING', gen_random_uuid(), now())")) {
            assertThatThrownBy(statement::executeUpdate).isInstanceOf(java.sql.SQLException.class)
                    .hasMessageContaining("drill_running_port");
        }
    }

    @Test
    void drillRefusalsNameTheReasonAndChangeNothing() throws Exception {
        storeRelationship("dl-stopped", "STOPPED", null, null, null);
        storeRelationship("dl-busy", "ACTIVE", UUID.randomUUID(), null, null);
        storeRelationship("dl-refused", "ACTIVE", null, null, null);
        registerSandbox(sandbox("dl-refusals-box", FAR_HOST, "/srv/dl-refusals", 7100, 7109)).statusCode(201);

        expectRefusal(runDrill("dl-stopped", "dl-refusals-box"), 409, "relationship-not-active", "stopped");
        expectRefusal(runDrill("dl-busy", "dl-refusals-box"), 409, "operation-in-progress", "dl-busy");
        expectRefusal(runDrill("dl-nowhere", "dl-refusals-box"), 422, "unknown-relationship", "dl-nowhere");
        expectRefusal(runDrill("dl-refused", "dl-no-box"), 422, "unknown-sandbox", "dl-no-box");
        Map<String, Object> otherKind = drillRequest("dl-refused", "dl-refusals-box", List.of());
        otherKind.put("kind", "chaos");
        expectRefusal(post(otherKind), 400, "", "failover_rehearsal");

        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            tooMany.add(check("c" + i, "select true", "true"));
        }
        for (List<Map<String, Object>> bad : List.of(tooMany,
                List.of(check("bad name", "select true", "true")),
                List.of(check("blank", "  ", "true")),
                List.of(check("long", "select '" + "x".repeat(4000) + "'", "true")),
                List.of(check("twice", "select true", "true"), check("twice", "select 1", "1")))) {
            expectRefusal(post(drillRequest("dl-refused", "dl-refusals-box", bad)), 400, "", "checks");
        }
        expectRefusal(post(drillRequest("dl-refused", "dl-refusals-box", List.of(Map.of("name", "db", "database",
                "", "sql", "select 1", "expected", "1")))), 400, "", "database");
        Map<String, Object> noExpected = new HashMap<>(check("none", "select true", "true"));
        noExpected.remove("expected");
        expectRefusal(post(drillRequest("dl-refused", "dl-refusals-box", List.of(noExpected))), 400, "", "expected");
        SignedIn.as(SignedIn.VIEWER).contentType(ContentType.JSON).body(drillRequest("dl-refused", "dl-refusals-box",
                List.of())).post("/api/v1/drills").then().statusCode(403);
        assertThat(count("select count(*) from relationship.drill where relationship_name like ?", "dl-refused"))
                .isZero();
        assertThat(count("select count(*) from relationship.drill where relationship_name = ?", "dl-stopped"))
                .isZero();

        runDrill("dl-refused", "dl-refusals-box").statusCode(202);
        expectRefusal(runDrill("dl-refused", "dl-refusals-box"), 409, "drill-running", "dl-refused");
        assertThat(count("select count(*) from relationship.drill where relationship_name = ?", "dl-refused"))
                .isOne();
    }

    @Test
    void aSucceededTaskWithinTheObjectivesPassesOnceWithItsTimelineFiguresAndMetrics() throws Exception {
        UUID relationship = storeRelationship("dl-pass", "ACTIVE", null, 10, 60);
        registerSandbox(sandbox("dl-pass-box", FAR_HOST, "/srv/dl-pass", 7200, 7200)).statusCode(201);
        JsonPath drill = runDrill("dl-pass", "dl-pass-box").statusCode(202).extract().jsonPath();
        UUID id = UUID.fromString(drill.getString("id"));
        UUID taskId = UUID.fromString(drill.getString("taskId"));
        expectRefusal(given().delete("/api/v1/sandboxes/dl-pass-box").then(), 409, "drill-running", "dl-pass-box");

        progress(taskId, id, "copy-standby", "running", 10);
        progress(taskId, id, "copy-standby", "succeeded", 30);
        progress(taskId, id, "declare-disaster", "running", 50);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> given().get("/api/v1/drills/{id}", id)
                .then().extract().jsonPath().getInt("percent") == 50);

        UUID finishedEvent = UUID.randomUUID();
        TaskFinished finished = succeeded(taskId, id, "2.5", "1024", "1.25", List.of(
                Map.of("name", "connect", "kind", "connect", "passed", true, "detail", "accepted connections"),
                Map.of("name", "public.orders", "kind", "table", "passed", true, "detail", "3 rows, checksums match"),
                Map.of("name", "orders_recent", "kind", "user", "passed", true, "detail", "got true")));
        publish(TaskEvents.FINISHED, taskId, finished, finishedEvent);
        JsonPath done = awaitDone(id);
        assertThat(done.getString("state")).isEqualTo("passed");
        assertThat(done.getString("verdict")).isEqualTo("passed");
        assertThat(done.getList("reasons")).isEmpty();
        assertThat(done.getDouble("figures.rtoSeconds")).isEqualTo(2.5);
        assertThat(done.getLong("figures.rpoBytes")).isEqualTo(1024L);
        assertThat(done.getString("figures.dataPointLsn")).isEqualTo("0/3000060");

        JsonPath report = given().get("/api/v1/drills/{id}/report", id).then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
        assertThat(report.getList("timeline.step", String.class)).containsExactly("copy-standby",
                "declare-disaster");
        assertThat(report.getList("checks.name", String.class)).containsExactly("connect", "public.orders",
                "orders_recent");
        assertThat(report.getString("requestedBy")).isEqualTo(SignedIn.ADMIN);
        assertThat(report.getInt("objectives.rtoObjectiveSeconds")).isEqualTo(60);
        assertThat(report.getString("taskState")).isEqualTo("succeeded");
        assertThat(report.getString("taskId")).isEqualTo(taskId.toString());

        // Redelivered (same event id) and repeated (another id, another ending): nothing changes.
        publish(TaskEvents.FINISHED, taskId, finished, finishedEvent);
        publish(TaskEvents.FINISHED, taskId, new TaskFinished(taskId, DrillTasks.FAILOVER_REHEARSAL, id.toString(),
                TaskResult.FAILED, "copy-standby", "late", false, Map.of(), Instant.now()), UUID.randomUUID());
        progress(taskId, id, "late-step", "running", 99);
        awaitMarker();
        JsonPath after = given().get("/api/v1/drills/{id}/report", id).then().statusCode(200).extract().jsonPath();
        assertThat(after.getString("verdict")).isEqualTo("passed");
        assertThat(after.getString("finishedAt")).isEqualTo(report.getString("finishedAt"));
        assertThat(after.getList("timeline.step", String.class)).containsExactly("copy-standby", "declare-disaster");

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(given().get("/q/metrics")
                .asString()).contains("drsuite_drill_rto_seconds{kind=\"failover_rehearsal\","
                        + "relationship=\"dl-pass\"} 2.5")
                .contains("drsuite_drill_rpo_bytes{kind=\"failover_rehearsal\","
                        + "relationship=\"dl-pass\"} 1024.0")
                .containsPattern("drsuite_drill_last_success_age_seconds\\{kind=\"failover_rehearsal\","
                        + "relationship=\"dl-pass\"} [0-9]"));

        // The drill's task is not the relationship's: the relationship folding left it as it was.
        given().get("/api/v1/relationships/{id}", relationship).then().statusCode(200)
                .body("phase", equalTo("active")).body("currentTask", nullValue()).body("lastError", nullValue());
        assertThat(count("select count(*) from relationship.relationship where name = ? and last_task_id is null",
                "dl-pass")).isOne();

        // The port is free again.
        storeRelationship("dl-pass-next", "ACTIVE", null, null, null);
        runDrill("dl-pass-next", "dl-pass-box").statusCode(202).body("port", equalTo(7200));
        List<ConsumerRecord<String, String>> announced = KafkaProbe.readAll(DrillEvents.TOPIC,
                record -> id.toString().equals(record.key()), Duration.ofMillis(500), Duration.ofSeconds(20));
        assertThat(announced).hasSize(2);
        assertThat(announced.getLast().value()).contains("\"state\":\"passed\"").contains("\"rtoSeconds\":2.5");
    }

    @Test
    void aFailedUserCheckFailsTheDrillWithItsDetailAndTheHtmlReportEscapesIt() throws Exception {
        storeRelationship("dl-check", "ACTIVE", null, null, null);
        registerSandbox(sandbox("dl-check-box", FAR_HOST, "/srv/dl-check", 7300, 7300)).statusCode(201);
        JsonPath drill = post(drillRequest("dl-check", "dl-check-box", List.of(check("orders_recent",
                "select '<b>' || count(*) from orders", "<b>1")))).statusCode(202).extract().jsonPath();
        UUID id = UUID.fromString(drill.getString("id"));
        UUID taskId = UUID.fromString(drill.getString("taskId"));
        progress(taskId, id, "<script>alert(1)</script>", "running", 10);

        publish(TaskEvents.FINISHED, taskId, succeeded(taskId, id, "1", "0", "0", List.of(
                Map.of("name", "connect", "kind", "connect", "passed", true, "detail", "ok"),
                Map.of("name", "orders_recent", "kind", "user", "passed", false, "detail", "expected true, got false"),
                Map.of("name", "<script>alert(2)</script>", "kind", "user", "passed", false,
                        "detail", "expected <i>x</i>, got \"y\""))), UUID.randomUUID());
        JsonPath done = awaitDone(id);
        assertThat(done.getString("verdict")).isEqualTo("failed");
        assertThat(done.getList("reasons", String.class)).containsExactly(
                "check orders_recent: expected true, got false",
                "check <script>alert(2)</script>: expected <i>x</i>, got \"y\"");

        String html = given().accept(ContentType.HTML).get("/api/v1/drills/{id}/report", id).then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'none'")).extract().asString();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("expected true, got false")
                .contains("&lt;script&gt;alert(2)&lt;/script&gt;").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;b&gt;1").contains("expected &lt;i&gt;x&lt;/i&gt;, got &quot;y&quot;")
                .doesNotContain("<script").doesNotContain("<i>").doesNotContain("<b>")
                .doesNotContain("http://").doesNotContain("https://").doesNotContain("<link");
        given().accept("application/json").get("/api/v1/drills/{id}/report", id).then().statusCode(200)
                .body("verdict", equalTo("failed"))
                .body("userChecks[0].sql", equalTo("select '<b>' || count(*) from orders"));
    }

    @Test
    void figuresAboveTheirObjectivesOrAFailedTaskFailTheDrill() throws Exception {
        storeRelationship("dl-slow", "ACTIVE", null, 1, 3);
        registerSandbox(sandbox("dl-slow-box", FAR_HOST, "/srv/dl-slow", 7400, 7401)).statusCode(201);
        JsonPath drill = runDrill("dl-slow", "dl-slow-box").statusCode(202).extract().jsonPath();
        UUID id = UUID.fromString(drill.getString("id"));
        UUID taskId = UUID.fromString(drill.getString("taskId"));
        // The objectives a drill is judged against are those it was requested with.
        setObjectives("dl-slow", 100, 100);

        publish(TaskEvents.FINISHED, taskId, succeeded(taskId, id, "4.2", "65536", "1.5", List.of(
                Map.of("name", "connect", "kind", "connect", "passed", true, "detail", "ok"))), UUID.randomUUID());
        JsonPath done = awaitDone(id);
        assertThat(done.getString("verdict")).isEqualTo("failed");
        assertThat(done.getList("reasons", String.class)).containsExactly("RTO 4.2 s above the objective of 3 s",
                "RPO 1.5 s above the objective of 1 s");
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(given().get("/q/metrics")
                .asString()).contains("drsuite_drill_rto_seconds{kind=\"failover_rehearsal\","
                        + "relationship=\"dl-slow\"} 4.2")
                .contains("drsuite_drill_rpo_bytes{kind=\"failover_rehearsal\","
                        + "relationship=\"dl-slow\"} 65536.0")
                .contains("drsuite_drill_last_success_age_seconds{kind=\"failover_rehearsal\","
                        + "relationship=\"dl-slow\"} NaN"));

        JsonPath second = runDrill("dl-slow", "dl-slow-box").statusCode(202).extract().jsonPath();
        UUID secondId = UUID.fromString(second.getString("id"));
        UUID secondTask = UUID.fromString(second.getString("taskId"));
        publish(TaskEvents.FINISHED, secondTask, new TaskFinished(secondTask, DrillTasks.FAILOVER_REHEARSAL,
                secondId.toString(), TaskResult.FAILED, "copy-standby", "pg_basebackup: could not connect", false,
                Map.of(), Instant.now()), UUID.randomUUID());
        JsonPath failed = awaitDone(secondId);
        assertThat(failed.getString("verdict")).isEqualTo("failed");
        assertThat(failed.getList("reasons", String.class)).containsExactly(
                "task failed at step copy-standby: pg_basebackup: could not connect");
        given().get("/api/v1/drills/{id}/report", secondId).then().statusCode(200)
                .body("failedStep", equalTo("copy-standby")).body("taskState", equalTo("failed"))
                .body("figures.rtoSeconds", nullValue());
        assertThat(given().get("/api/v1/drills?relationship=dl-slow").then().statusCode(200).extract().jsonPath()
                .getList("id", String.class)).containsExactly(secondId.toString(), id.toString());
        given().get("/api/v1/drills?limit=500").then().statusCode(200).body("id", hasItem(secondId.toString()));
    }

    @Test
    void aRoundTripIsTheRelationshipsOperationAndItsEndFoldsIntoBothTheDrillAndTheRelationship() throws Exception {
        UUID relationship = storeRelationship("dl-trip", "ACTIVE", null, null, 5);
        expectRefusal(post(Map.of("relationship", "dl-trip", "kind", "failover_rehearsal")), 400,
                "invalid-request", "a failover_rehearsal needs a sandbox");
        expectRefusal(post(Map.of("relationship", "dl-trip", "kind", "chaos")), 400, "invalid-request",
                "failover_rehearsal, switchover_round_trip, restore_test");

        JsonPath drill = post(Map.of("relationship", "dl-trip", "kind", "switchover_round_trip", "checks",
                List.of(check("orders", "select 1", "1")))).statusCode(202)
                .body("kind", equalTo("switchover_round_trip")).body("sandbox", nullValue())
                .body("port", nullValue()).extract().jsonPath();
        UUID id = UUID.fromString(drill.getString("id"));
        UUID taskId = UUID.fromString(drill.getString("taskId"));
        given().get("/api/v1/relationships/{id}", relationship).then().statusCode(200)
                .body("phase", equalTo("switching_over")).body("currentTask.id", equalTo(taskId.toString()))
                .body("currentTask.type", equalTo(DrillTasks.SWITCHOVER_ROUND_TRIP));
        List<ConsumerRecord<String, String>> requests = KafkaProbe.readAll(TaskEvents.TOPIC,
                record -> taskId.toString().equals(record.key()), Duration.ofMillis(500), Duration.ofSeconds(20));
        assertThat(requests).hasSize(1);
        JsonPath task = JsonPath.from(requests.getFirst().value());
        assertThat(task.getString("type")).isEqualTo(DrillTasks.SWITCHOVER_ROUND_TRIP);
        assertThat(task.getString("target")).isEqualTo(relationship.toString());
        assertThat(task.getList("clusters", String.class)).containsExactly("dl-trip-prod", "dl-trip-dr");
        assertThat(task.getMap("parameters", String.class, String.class))
                .containsEntry(DrillTasks.DRILL_ID, id.toString())
                .containsEntry(DrillTasks.PRIMARY_CLUSTER, "dl-trip-prod")
                .containsKey(DrillTasks.USER_CHECKS).containsKey("maxLagBytes");
        expectRefusal(post(Map.of("relationship", "dl-trip", "kind", "switchover_round_trip")), 409,
                "relationship-not-active", "switching_over");

        Map<String, String> figures = new HashMap<>();
        figures.put(DrillTasks.OUTAGE_THERE_SECONDS, "0.8");
        figures.put(DrillTasks.OUTAGE_BACK_SECONDS, "1.25");
        figures.put(DrillTasks.CANARY_COMMITS, "312");
        figures.put(DrillTasks.CANARY_LOST_COMMITS, "0");
        figures.put(DrillTasks.CHECKS, json.writeValueAsString(List.of(Map.of("name", "there: orders", "kind",
                "user", "passed", true, "detail", "returned 1"))));
        publish(TaskEvents.FINISHED, taskId, new TaskFinished(taskId, DrillTasks.SWITCHOVER_ROUND_TRIP,
                relationship.toString(), TaskResult.SUCCEEDED, null, null, false, figures, Instant.now()),
                UUID.randomUUID());
        JsonPath passed = awaitDone(id);
        assertThat(passed.getString("verdict")).isEqualTo("passed");
        assertThat(passed.getDouble("figures.rtoSeconds")).isEqualTo(1.25);
        assertThat(passed.getDouble("figures.outageThereSeconds")).isEqualTo(0.8);
        assertThat(passed.getLong("figures.canaryCommits")).isEqualTo(312);
        given().get("/api/v1/relationships/{id}", relationship).then().statusCode(200)
                .body("phase", equalTo("active")).body("currentTask", nullValue())
                .body("clusters.find { it.role == 'primary' }.name", equalTo("dl-trip-prod"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(given().get("/q/metrics")
                .asString()).contains("drsuite_drill_rto_seconds{kind=\"switchover_round_trip\","
                        + "relationship=\"dl-trip\"} 1.25"));
        given().accept("text/html").get("/api/v1/drills/{id}/report", id).then().statusCode(200)
                .body(containsString("Write outage, DR back to production"));

        // A return leg that could not stop the DR cluster's primary was rolled back: production stays on DR.
        UUID second = UUID.fromString(post(Map.of("relationship", "dl-trip", "kind", "switchover_round_trip"))
                .statusCode(202).extract().jsonPath().getString("taskId"));
        UUID secondId = UUID.fromString(given().get("/api/v1/drills?relationship=dl-trip").then().statusCode(200)
                .extract().jsonPath().getString("[0].id"));
        publish(TaskEvents.FINISHED, second, new TaskFinished(second, DrillTasks.SWITCHOVER_ROUND_TRIP,
                relationship.toString(), TaskResult.FAILED, "back-stop-primary", "dl-trip-dr did not shut down",
                true, Map.of(DrillTasks.OUTAGE_THERE_SECONDS, "9.5"), Instant.now()), UUID.randomUUID());
        JsonPath failed = awaitDone(secondId);
        assertThat(failed.getList("reasons", String.class)).contains(
                "task failed at step back-stop-primary: dl-trip-dr did not shut down",
                "Write outage 9.5 s above the objective of 5 s");
        given().get("/api/v1/relationships/{id}", relationship).then().statusCode(200)
                .body("phase", equalTo("active"))
                .body("clusters.find { it.role == 'primary' }.name", equalTo("dl-trip-dr"));
    }

    @Test
    void aRestoreTestIsHandedToSnapshotServiceAndItsRefusalFailsTheDrill() throws Exception {
        storeRelationship("dl-restore", "ACTIVE", null, null, null);
        registerSandbox(sandbox("dl-restore-box", FAR_HOST, "/srv/dl-restore", 7600, 7601)).statusCode(201);
        expectRefusal(post(Map.of("relationship", "dl-restore", "kind", "restore_test", "sandbox",
                "dl-restore-box", "cluster", "elsewhere")), 422, "cluster-not-in-relationship", "elsewhere");
        long before = System.currentTimeMillis();

        JsonPath drill = post(Map.of("relationship", "dl-restore", "kind", "restore_test", "sandbox",
                "dl-restore-box", "cluster", "dl-restore-dr")).statusCode(202)
                .body("cluster", equalTo("dl-restore-dr")).body("port", equalTo(7600)).extract().jsonPath();
        String id = drill.getString("id");
        String taskId = drill.getString("taskId");
        List<ConsumerRecord<String, String>> handed = KafkaProbe.readAll(DrillEvents.TOPIC,
                record -> id.equals(record.key()) && record.timestamp() >= before
                        && DrillEvents.RESTORE_TEST_REQUESTED.type().equals(KafkaProbe.header(record, "ce_type")),
                Duration.ofMillis(500), Duration.ofSeconds(20));
        assertThat(handed).hasSize(1);
        JsonPath request = JsonPath.from(handed.getFirst().value());
        assertThat(request.getString("taskId")).isEqualTo(taskId);
        assertThat(request.getString("cluster")).isEqualTo("dl-restore-dr");
        assertThat(request.getInt("sandboxNode.port")).isEqualTo(7600);
        assertThat(request.getString("sandboxNode.dataDirectory")).isEqualTo("/srv/dl-restore/drill-" + id);
        assertThat(KafkaProbe.readAll(TaskEvents.TOPIC, record -> taskId.equals(record.key()),
                Duration.ofMillis(500), Duration.ofSeconds(3))).as("no task requested by relationship-service")
                .isEmpty();

        publish(DrillEvents.RESTORE_TEST_REFUSED, UUID.fromString(id), new io.drsuite.events.drill
                .RestoreTestRefused(UUID.fromString(id), UUID.fromString(taskId), "dl-restore-dr",
                        "cluster dl-restore-dr has no completed snapshot", Instant.now()), UUID.randomUUID());
        JsonPath failed = awaitDone(UUID.fromString(id));
        assertThat(failed.getString("verdict")).isEqualTo("failed");
        assertThat(failed.getList("reasons", String.class)).containsExactly(
                "snapshot-service started no restore: cluster dl-restore-dr has no completed snapshot");
    }

    private TaskFinished succeeded(UUID taskId, UUID drillId, String rto, String rpoBytes, String rpoSeconds,
            List<Map<String, Object>> checks) throws Exception {
        Map<String, String> artifacts = new HashMap<>();
        artifacts.put(DrillTasks.RTO_SECONDS, rto);
        artifacts.put(DrillTasks.RPO_BYTES, rpoBytes);
        artifacts.put(DrillTasks.RPO_SECONDS, rpoSeconds);
        artifacts.put(DrillTasks.DECLARED_AT, Instant.now().minusSeconds(5).toString());
        artifacts.put(DrillTasks.DATA_POINT_LSN, "0/3000060");
        artifacts.put(DrillTasks.SOURCE_PAUSE_SECONDS, "0.2");
        artifacts.put(DrillTasks.CHECKS, json.writeValueAsString(checks));
        return new TaskFinished(taskId, DrillTasks.FAILOVER_REHEARSAL, drillId.toString(), TaskResult.SUCCEEDED,
                null, null, false, artifacts, Instant.now());
    }

    private void progress(UUID taskId, UUID drillId, String step, String stepState, int percent) {
        publish(TaskEvents.PROGRESSED, taskId, new TaskProgressed(taskId, DrillTasks.FAILOVER_REHEARSAL,
                drillId.toString(), step, stepState, percent, Instant.now()), UUID.randomUUID());
    }

    private <P> void publish(io.drsuite.events.EventType<P> type, UUID key, P payload, UUID eventId) {
        try {
            KafkaProbe.send(type.topic(), key.toString(), json.writeValueAsString(payload),
                    ClusterEventFixtures.headers(type, eventId));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * A drill of another relationship run to its end after the events before it: once it shows as ended, the events
     * published before it on drsuite.tasks have been handled (one consumer reads the topic in order per partition;
     * waiting a moment more covers the other partitions).
     */
    private void awaitMarker() throws Exception {
        String name = "dl-marker-" + UUID.randomUUID().toString().substring(0, 8);
        storeRelationship(name, "ACTIVE", null, null, null);
        registerSandbox(sandbox(name, FAR_HOST, "/srv/" + name, 7500, 7500)).statusCode(201);
        JsonPath drill = runDrill(name, name).statusCode(202).extract().jsonPath();
        UUID id = UUID.fromString(drill.getString("id"));
        UUID taskId = UUID.fromString(drill.getString("taskId"));
        publish(TaskEvents.FINISHED, taskId, new TaskFinished(taskId, DrillTasks.FAILOVER_REHEARSAL, id.toString(),
                TaskResult.CANCELLED, null, null, false, Map.of(), Instant.now()), UUID.randomUUID());
        awaitDone(id);
        Thread.sleep(2000);
    }

    private static JsonPath awaitDone(UUID id) {
        JsonPath[] last = new JsonPath[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            last[0] = given().get("/api/v1/drills/{id}", id).then().statusCode(200).extract().jsonPath();
            return !"running".equals(last[0].getString("state"));
        });
        return last[0];
    }

    private static Map<String, Object> sandbox(String name, String host, String dataRoot, int from, int to) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("host", host);
        body.put("access", Map.of("kind", "local", "osUser", "postgres"));
        body.put("dataRoot", dataRoot);
        body.put("portFrom", from);
        body.put("portTo", to);
        return body;
    }

    private static Map<String, Object> check(String name, String sql, String expected) {
        return Map.of("name", name, "sql", sql, "expected", expected);
    }

    private static Map<String, Object> drillRequest(String relationship, String sandbox,
            List<Map<String, Object>> checks) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("relationship", relationship);
        body.put("sandbox", sandbox);
        body.put("checks", checks);
        return body;
    }

    private static ValidatableResponse registerSandbox(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/sandboxes").then();
    }

    private static ValidatableResponse runDrill(String relationship, String sandbox) {
        return post(drillRequest(relationship, sandbox, List.of(check("one", "select 1", "1"))));
    }

    private static ValidatableResponse post(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/drills").then();
    }

    private static void expectRefusal(ValidatableResponse response, int status, String type, String detail) {
        response.statusCode(status).contentType("application/problem+json")
                .body("type", containsString(type))
                .body("detail", containsString(detail));
    }

    private static UUID storeRelationship(String name, String phase, UUID taskInFlight, Integer rpoObjective,
            Integer rtoObjective) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection connection = controlPlane(); PreparedStatement statement = connection.prepareStatement(
                "insert into relationship.relationship (id, name, primary_cluster, dr_cluster, sync_mode,"
                        + " timeout_seconds, phase, primary_state, dr_state, current_task_id, current_task_type,"
                        + " rpo_objective_seconds, rto_objective_seconds, created_at, updated_at)"
                        + " values (?, ?, ?, ?, 'ASYNC', 1200, ?, 'archive', 'recovery', ?, ?, ?, ?, now(), now())")) {
            statement.setObject(1, id);
            statement.setString(2, name);
            statement.setString(3, name + "-prod");
            statement.setString(4, name + "-dr");
            statement.setString(5, phase);
            statement.setObject(6, taskInFlight);
            statement.setString(7, taskInFlight == null ? null : "dr.switchover");
            statement.setObject(8, rpoObjective);
            statement.setObject(9, rtoObjective);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
        return id;
    }

    private static void setObjectives(String name, int rpo, int rto) throws Exception {
        try (Connection connection = controlPlane(); PreparedStatement statement = connection.prepareStatement(
                "update relationship.relationship set rpo_objective_seconds = ?, rto_objective_seconds = ?"
                        + " where name = ?")) {
            statement.setInt(1, rpo);
            statement.setInt(2, rto);
            statement.setString(3, name);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    private static long count(String sql, String parameter) throws Exception {
        try (Connection connection = controlPlane(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static Connection controlPlane() throws Exception {
        return DriverManager.getConnection(LocalInfrastructure.jdbcUrl(), LocalInfrastructure.DB_USER,
                LocalInfrastructure.DB_PASSWORD);
    }
}
