package io.drsuite.relationship;

import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.EventType;
import io.drsuite.events.cluster.ClusterEvents;
import io.drsuite.events.health.HealthEvents;
import io.drsuite.events.health.LocalFailoverRequested;
import io.drsuite.events.task.ClusterTasks;
import io.drsuite.events.task.DrTasks;
import io.drsuite.events.task.TaskEvents;
import io.drsuite.events.task.TaskFinished;
import io.drsuite.events.task.TaskProgressed;
import io.drsuite.events.task.TaskResult;
import io.drsuite.testing.ClusterEventFixtures;
import io.drsuite.testing.KafkaProbe;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.SignedIn;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Operations inside one cluster, against real PostgreSQL and Kafka: what is accepted requests a {@code cluster.*}
 * task on drsuite.tasks and runs alone; refusals are problem+json and change nothing; the task's events move the
 * primary role in the registry; the synchronous standbys are written on the real primary. (task-service does not
 * run here: the tests publish the task events it would.)
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterOperationsTest {

    @Inject
    ObjectMapper json;

    PostgresInstance movePrimary;
    PostgresInstance moveStandby;
    PostgresInstance setPrimary;
    PostgresInstance setStandby;

    /** Once per class, but after Quarkus has started (REST Assured knows its port only then). */
    @BeforeEach
    void startClusters() {
        if (movePrimary != null) {
            return;
        }
        movePrimary = PostgresInstance.primary("co-move-1");
        moveStandby = movePrimary.standby("co-move-2");
        setPrimary = PostgresInstance.primary("co-set-1");
        setStandby = setPrimary.standby("co-set-2");
        register(Registrations.cluster("co-move", movePrimary, moveStandby));
        register(Registrations.cluster("co-set", setPrimary, setStandby));
    }

    @AfterAll
    void stopClusters() {
        for (PostgresInstance instance : new PostgresInstance[] {moveStandby, movePrimary, setStandby, setPrimary}) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    @Test
    void refusalsNameTheReasonAndChangeNothing() {
        String before = given().get("/api/v1/clusters/co-set").then().statusCode(200).extract().asString();

        refused(post("/api/v1/clusters/co-nowhere/switchover", Map.of("toNode", "co-set-2")), 404,
                "cluster-not-found", "co-nowhere");
        refused(post("/api/v1/clusters/co-set/switchover", Map.of("toNode", "co-set-1")), 422, "node-is-primary",
                "co-set-1");
        refused(post("/api/v1/clusters/co-set/switchover", Map.of("toNode", "co-set-9")), 422, "unknown-node",
                "co-set-9");
        refused(post("/api/v1/clusters/co-set/switchover", Map.of()), 400, "invalid-request", "toNode");
        refused(post("/api/v1/clusters/co-set/failover", Map.of("toNode", "co-set-2")), 400, "invalid-request",
                "reason");
        refused(post("/api/v1/clusters/co-set/failover", Map.of("toNode", "co-set-1", "reason", "test")), 422,
                "node-is-primary", "co-set-1");
        refused(post("/api/v1/clusters/co-set/nodes/co-set-9/rebuild", Map.of()), 404, "node-not-found", "co-set-9");
        refused(post("/api/v1/clusters/co-set/nodes/co-set-2/rebuild", Map.of("mode", "sideways")), 400,
                "invalid-request", "sideways");
        refused(post("/api/v1/clusters/co-set/nodes/co-set-1/rebuild", Map.of()), 422, "node-is-primary",
                "co-set-1");
        refused(post("/api/v1/clusters/co-set/nodes", Registrations.node("co-set-2", "127.0.0.1", 1, "/srv/x")), 409,
                "node-exists", "co-set-2");
        refused(post("/api/v1/clusters/co-set/nodes", Registrations.node("co-set-3", "127.0.0.1",
                movePrimary.port(), "/srv/x")), 409, "node-registered", "co-move");
        refused(post("/api/v1/clusters/co-set/nodes", Registrations.node("Bad Name", "127.0.0.1", 1, "/srv/x")), 400,
                "invalid-request", "name");
        refused(given().delete("/api/v1/clusters/co-set/nodes/co-set-1?reason=test").then(), 409, "node-is-primary",
                "switch over");
        refused(given().delete("/api/v1/clusters/co-set/nodes/co-set-2").then(), 400, "invalid-request", "reason");
        refused(put("/api/v1/clusters/co-set/synchronous-standbys", Map.of("count", 1, "nodes",
                List.of("co-set-1"))), 400, "invalid-request", "the primary, co-set-1");
        refused(put("/api/v1/clusters/co-set/synchronous-standbys", Map.of("count", 1, "nodes",
                List.of("co-set-9"))), 422, "unknown-node", "co-set-9");
        refused(put("/api/v1/clusters/co-set/synchronous-standbys", Map.of("count", 2, "nodes",
                List.of("co-set-2"))), 400, "invalid-request", "count");
        SignedIn.as(SignedIn.OPERATOR).contentType(ContentType.JSON).body(Registrations.node("co-set-3", "127.0.0.1",
                1, "/srv/x")).post("/api/v1/clusters/co-set/nodes").then().statusCode(403);

        assertThat(given().get("/api/v1/clusters/co-set").then().statusCode(200).extract().asString())
                .isEqualTo(before);
    }

    /**
     * A switchover requests its task; a second operation waits for it; the promote step moves the primary role,
     * announced as cluster.changed; the finished event (twice, as a redelivery would) ends the operation. Then a
     * LocalFailoverRequested from monitor-service starts an automatic failover, and a second one is not acted on.
     */
    @Test
    void aSwitchoverRunsAloneAndItsPromotionMovesThePrimaryRole() throws Exception {
        JsonPath accepted = post("/api/v1/clusters/co-move/switchover", Map.of("toNode", "co-move-2"))
                .statusCode(202).body("cluster.operation.type", equalTo(ClusterTasks.SWITCHOVER))
                .body("cluster.operation.node", equalTo("co-move-2")).extract().jsonPath();
        UUID taskId = UUID.fromString(accepted.getString("taskId"));
        String clusterId = accepted.getString("cluster.id");

        JsonNode request = taskRequest(taskId);
        assertThat(request.get("type").asText()).isEqualTo(ClusterTasks.SWITCHOVER);
        assertThat(request.get("target").asText()).isEqualTo(clusterId);
        assertThat(request.get("clusters")).hasSize(1);
        assertThat(request.at("/parameters/" + ClusterTasks.TO_NODE).asText()).isEqualTo("co-move-2");
        assertThat(request.at("/parameters/" + ClusterTasks.CLUSTER).asText()).isEqualTo("co-move");
        assertThat(request.get("parameters").get(ClusterTasks.mainNodeParameter("co-move")).asText())
                .as("the primary the request was made for").isEqualTo("co-move-1");
        assertThat(request.at("/parameters/" + ClusterTasks.SYNC_STANDBY_COUNT).asText()).isEqualTo("0");
        assertThat(request.get("parameters").has(DrTasks.RELATIONSHIP_ID)).isFalse();

        refused(post("/api/v1/clusters/co-move/nodes/co-move-2/rebuild", Map.of()), 409, "operation-in-progress",
                taskId.toString());
        refused(post("/api/v1/clusters/co-move/failover", Map.of("reason", "test")), 409, "operation-in-progress",
                taskId.toString());
        refused(given().delete("/api/v1/clusters/co-move?reason=test").then(), 409, "operation-in-progress",
                taskId.toString());

        publish(TaskEvents.PROGRESSED, taskId, new TaskProgressed(taskId, ClusterTasks.SWITCHOVER, clusterId,
                ClusterTasks.PROMOTE_STEP, "succeeded", 60, Instant.now()));
        awaitCluster("co-move", now -> "primary".equals(now.getString("nodes.find { it.name == 'co-move-2' }.role"))
                && now.getInt("operation.percent") == 60);
        JsonNode changed = lastChange(clusterId, "co-move-2");
        assertThat(changed.get("nodes")).hasSize(2);
        assertThat(changed.at("/nodes/0/role").asText()).isEqualTo("standby");

        TaskFinished finished = new TaskFinished(taskId, ClusterTasks.SWITCHOVER, clusterId, TaskResult.SUCCEEDED,
                null, null, false, Map.of(ClusterTasks.OLD_PRIMARY, "co-move-1", ClusterTasks.NEW_PRIMARY,
                        "co-move-2"), Instant.now());
        UUID finishedId = UUID.randomUUID();
        publish(TaskEvents.FINISHED, taskId, finished, finishedId);
        publish(TaskEvents.FINISHED, taskId, finished, finishedId);
        publish(TaskEvents.FINISHED, taskId, finished, UUID.randomUUID());
        JsonPath after = awaitCluster("co-move", now -> now.get("operation") == null
                && taskId.toString().equals(now.getString("lastOperation.taskId")));
        assertThat(after.getString("lastOperation.result")).isEqualTo("succeeded");
        assertThat(after.getString("nodes.find { it.name == 'co-move-2' }.role")).isEqualTo("primary");
        assertThat(after.getString("nodes.find { it.name == 'co-move-1' }.role")).isEqualTo("standby");

        // monitor-service's local policy: the (registered) primary co-move-2 is lost, fail over to co-move-1.
        UUID clusterUuid = UUID.fromString(clusterId);
        LocalFailoverRequested lost = new LocalFailoverRequested(clusterUuid, "co-move", "co-move-1",
                "primary co-move-2 down for 30 s", Instant.now());
        publish(HealthEvents.LOCAL_FAILOVER_REQUESTED, clusterUuid, lost, UUID.randomUUID());
        JsonPath failingOver = awaitCluster("co-move", now -> now.get("operation") != null);
        assertThat(failingOver.getString("operation.type")).isEqualTo(ClusterTasks.FAILOVER);
        UUID failoverTask = UUID.fromString(failingOver.getString("operation.taskId"));
        JsonNode failover = taskRequest(failoverTask);
        assertThat(failover.at("/parameters/" + ClusterTasks.TO_NODE).asText()).isEqualTo("co-move-1");
        assertThat(failover.at("/parameters/" + ClusterTasks.AUTOMATIC).asText()).isEqualTo("true");

        // A second request while the failover runs is audited as refused and starts nothing.
        publish(HealthEvents.LOCAL_FAILOVER_REQUESTED, clusterUuid, new LocalFailoverRequested(clusterUuid,
                "co-move", "co-move-1", "primary co-move-2 down for 40 s", Instant.now()), UUID.randomUUID());
        await().atMost(Duration.ofSeconds(20)).until(() -> given().queryParam("target", "clusters/co-move")
                .queryParam("operation", "automatic local failover").get("/api/v1/audit").then().statusCode(200)
                .extract().asString().contains("refusedBecause"));
        assertThat(given().get("/api/v1/clusters/co-move").then().extract().jsonPath()
                .getString("operation.taskId")).isEqualTo(failoverTask.toString());

        publish(TaskEvents.FINISHED, failoverTask, new TaskFinished(failoverTask, ClusterTasks.FAILOVER, clusterId,
                TaskResult.FAILED, "fence-old-primary", "cannot fence", false, Map.of(), Instant.now()),
                UUID.randomUUID());
        JsonPath failed = awaitCluster("co-move", now -> now.get("operation") == null);
        assertThat(failed.getString("lastOperation.result")).isEqualTo("failed");
        assertThat(failed.getString("lastOperation.error")).isEqualTo("cannot fence");
        assertThat(failed.getString("nodes.find { it.name == 'co-move-2' }.role")).isEqualTo("primary");

        // The failed failover (not rolled back) is resumed through the cluster, by an admin only.
        SignedIn.as(SignedIn.OPERATOR).contentType(ContentType.JSON).post("/api/v1/clusters/co-move/resume").then()
                .statusCode(403);
        resume("co-move").statusCode(202)
                .body("taskId", equalTo(failoverTask.toString()))
                .body("cluster.operation.taskId", equalTo(failoverTask.toString()));
        assertThat(KafkaProbe.readAll(TaskEvents.TOPIC, record -> failoverTask.toString().equals(record.key())
                && TaskEvents.RESUME_REQUESTED.type().equals(KafkaProbe.header(record, "ce_type")),
                Duration.ofMillis(500), Duration.ofSeconds(20))).hasSize(1);
        refused(resume("co-move"), 409, "operation-in-progress", failoverTask.toString());
        publish(TaskEvents.FINISHED, failoverTask, new TaskFinished(failoverTask, ClusterTasks.FAILOVER, clusterId,
                TaskResult.SUCCEEDED, null, null, false, Map.of(ClusterTasks.NEW_PRIMARY, "co-move-1"),
                Instant.now()), UUID.randomUUID());
        JsonPath resumed = awaitCluster("co-move", now -> now.get("operation") == null
                && "primary".equals(now.getString("nodes.find { it.name == 'co-move-1' }.role")));
        assertThat(resumed.getString("lastOperation.result")).isEqualTo("succeeded");
        refused(resume("co-move"), 409, "nothing-to-resume", failoverTask.toString());
    }

    /**
     * The synchronous standbys are written on the real primary at once; a synchronous standby cannot be removed;
     * a node added is registered as a standby and built by a task; removing it drops its unused slot.
     */
    @Test
    void synchronousStandbysAreAppliedOnThePrimaryAndNodesComeAndGo() throws Exception {
        put("/api/v1/clusters/co-set/synchronous-standbys", Map.of("count", 1, "nodes", List.of("co-set-2")))
                .statusCode(200).body("synchronousStandbys.count", equalTo(1))
                .body("synchronousStandbys.nodes[0]", equalTo("co-set-2"));
        assertThat(setting(setPrimary, "synchronous_standby_names")).isEqualTo("ANY 1 (\"drsuite_node_co_set_2\")");
        await("the standby streams under the name the setting lists").atMost(Duration.ofSeconds(20))
                .until(() -> "quorum".equals(setPrimary.streamingStandbys().get("drsuite_node_co_set_2")));
        given().get("/api/v1/clusters/co-set").then().statusCode(200).body("synchronousStandbys.count", equalTo(1));
        refused(given().delete("/api/v1/clusters/co-set/nodes/co-set-2?reason=test").then(), 409,
                "node-is-synchronous", "change the setting first");
        put("/api/v1/clusters/co-set/synchronous-standbys", Map.of("count", 0, "nodes", List.of())).statusCode(200);
        assertThat(setting(setPrimary, "synchronous_standby_names")).isEmpty();

        JsonPath added = post("/api/v1/clusters/co-set/nodes", Registrations.node("co-set-3", "127.0.0.1", 1,
                "/srv/co-set-3")).statusCode(202)
                .body("cluster.nodes.find { it.name == 'co-set-3' }.role", equalTo("standby"))
                .body("cluster.operation.type", equalTo(ClusterTasks.ADD_NODE)).extract().jsonPath();
        UUID taskId = UUID.fromString(added.getString("taskId"));
        String clusterId = added.getString("cluster.id");
        JsonNode request = taskRequest(taskId);
        assertThat(request.get("type").asText()).isEqualTo(ClusterTasks.ADD_NODE);
        assertThat(request.at("/parameters/" + ClusterTasks.NODE).asText()).isEqualTo("co-set-3");
        assertThat(lastChange(clusterId, "co-set-1").get("nodes")).hasSize(3);

        publish(TaskEvents.FINISHED, taskId, new TaskFinished(taskId, ClusterTasks.ADD_NODE, clusterId,
                TaskResult.SUCCEEDED, null, null, false, Map.of(), Instant.now()), UUID.randomUUID());
        awaitCluster("co-set", now -> now.get("operation") == null);

        setPrimary.execute("select pg_create_physical_replication_slot('drsuite_node_co_set_3')");
        given().delete("/api/v1/clusters/co-set/nodes/co-set-3?reason=decommissioned").then().statusCode(200)
                .body("nodes.name", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("co-set-3")));
        assertThat(setPrimary.count("pg_replication_slots where slot_name = 'drsuite_node_co_set_3'")).isZero();
        assertThat(lastChange(clusterId, "co-set-1").get("nodes")).hasSize(2);
    }

    /**
     * A cluster in a DR relationship: its operations carry the relationship and hold the DR cluster too; the
     * relationship waits for them and they for it; the DR side takes none; its synchronous standbys are written
     * together with the DR main standby of a synchronous relationship.
     */
    @Test
    void aClusterInARelationshipCarriesItAndWaitsForIt() throws Exception {
        try (PostgresInstance prod = PostgresInstance.primary("co-rel-prod-1");
                PostgresInstance prodStandby = prod.standby("co-rel-prod-2");
                PostgresInstance dr = PostgresInstance.primary("co-rel-dr-1")) {
            register(Registrations.cluster("co-rel-prod", prod, prodStandby));
            register(Registrations.cluster("co-rel-dr", dr));
            JsonPath created = given().contentType(ContentType.JSON).body(Map.of("name", "co-rel", "primaryCluster",
                    "co-rel-prod", "drCluster", "co-rel-dr", "syncMode", "sync", "confirmOverwrite", "co-rel-dr"))
                    .post("/api/v1/relationships").then().statusCode(202).extract().jsonPath();
            String relationshipId = created.getString("relationship.id");
            UUID startTask = UUID.fromString(created.getString("taskId"));

            refused(post("/api/v1/clusters/co-rel-prod/switchover", Map.of("toNode", "co-rel-prod-2")), 409,
                    "relationship-operation-in-progress", startTask.toString());
            publish(TaskEvents.FINISHED, startTask, new TaskFinished(startTask, DrTasks.START, relationshipId,
                    TaskResult.SUCCEEDED, null, null, false, Map.of(), Instant.now()), UUID.randomUUID());
            await().atMost(Duration.ofSeconds(20)).until(() -> "active".equals(given()
                    .get("/api/v1/relationships/{id}", relationshipId).then().extract().path("phase")));

            refused(post("/api/v1/clusters/co-rel-dr/nodes/co-rel-dr-1/rebuild", Map.of()), 409, "cluster-is-dr-side",
                    "use the relationship's operations");
            put("/api/v1/clusters/co-rel-prod/synchronous-standbys", Map.of("count", 1, "nodes",
                    List.of("co-rel-prod-2"))).statusCode(200);
            assertThat(setting(prod, "synchronous_standby_names"))
                    .isEqualTo("ANY 2 (\"drsuite_node_co_rel_prod_2\", \"drsuite_co_rel\")");

            JsonPath accepted = post("/api/v1/clusters/co-rel-prod/switchover", Map.of("toNode", "co-rel-prod-2"))
                    .statusCode(202).extract().jsonPath();
            UUID taskId = UUID.fromString(accepted.getString("taskId"));
            JsonNode request = taskRequest(taskId);
            assertThat(request.get("clusters").toString()).isEqualTo("[\"co-rel-prod\",\"co-rel-dr\"]");
            assertThat(request.at("/parameters/" + DrTasks.RELATIONSHIP_ID).asText()).isEqualTo(relationshipId);
            assertThat(request.at("/parameters/" + DrTasks.RELATIONSHIP_NAME).asText()).isEqualTo("co-rel");
            assertThat(request.at("/parameters/" + DrTasks.DR_CLUSTER).asText()).isEqualTo("co-rel-dr");
            assertThat(request.at("/parameters/" + DrTasks.SYNC_MODE).asText()).isEqualTo("sync");
            assertThat(request.at("/parameters/" + ClusterTasks.SYNC_STANDBY_COUNT).asText()).isEqualTo("1");
            assertThat(request.at("/parameters/" + ClusterTasks.SYNC_STANDBY_NODES).asText())
                    .isEqualTo("co-rel-prod-2");

            refused(post("/api/v1/relationships/" + relationshipId + "/stop", Map.of()), 409,
                    "cluster-operation-in-progress", taskId.toString());
            refused(post("/api/v1/relationships/" + relationshipId + "/failover", Map.of("reason", "test")), 409,
                    "cluster-operation-in-progress", taskId.toString());
            given().get("/api/v1/relationships/{id}", relationshipId).then().statusCode(200)
                    .body("phase", equalTo("active")).body("currentTask", nullValue());

            String clusterId = accepted.getString("cluster.id");
            publish(TaskEvents.FINISHED, taskId, new TaskFinished(taskId, ClusterTasks.SWITCHOVER, clusterId,
                    TaskResult.SUCCEEDED, null, null, false, Map.of(ClusterTasks.NEW_PRIMARY, "co-rel-prod-2"),
                    Instant.now()), UUID.randomUUID());
            awaitCluster("co-rel-prod", now -> now.get("operation") == null
                    && "primary".equals(now.getString("nodes.find { it.name == 'co-rel-prod-2' }.role")));
            // The relationship is free again: a stop is accepted (its task is not run here).
            post("/api/v1/relationships/" + relationshipId + "/stop", Map.of()).statusCode(202);
        }
    }

    private JsonNode taskRequest(UUID taskId) throws IOException {
        List<ConsumerRecord<String, String>> requests = KafkaProbe.readAll(TaskEvents.TOPIC,
                record -> taskId.toString().equals(record.key())
                        && TaskEvents.REQUESTED.type().equals(KafkaProbe.header(record, "ce_type")),
                Duration.ofMillis(500), Duration.ofSeconds(20));
        assertThat(requests).hasSize(1);
        return json.readTree(requests.getFirst().value());
    }

    /** The latest cluster.changed of the cluster whose primary is {@code primary}, waited for. */
    private JsonNode lastChange(String clusterId, String primary) throws IOException {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<ConsumerRecord<String, String>> changes = KafkaProbe.readAll(ClusterEvents.TOPIC,
                    record -> clusterId.equals(record.key())
                            && ClusterEvents.CHANGED.type().equals(KafkaProbe.header(record, "ce_type")),
                    Duration.ofMillis(500), Duration.ofSeconds(5));
            if (changes.isEmpty()) {
                return false;
            }
            found[0] = json.readTree(changes.getLast().value());
            for (JsonNode node : found[0].get("nodes")) {
                if (node.get("name").asText().equals(primary)) {
                    return "primary".equals(node.get("role").asText());
                }
            }
            return false;
        });
        return found[0];
    }

    private static JsonPath awaitCluster(String name, Predicate<JsonPath> condition) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = given().get("/api/v1/clusters/" + name).then().statusCode(200).extract().jsonPath();
            return condition.test(last[0]);
        });
        return last[0];
    }

    private <P> void publish(EventType<P> type, UUID key, P payload) {
        publish(type, key, payload, UUID.randomUUID());
    }

    private <P> void publish(EventType<P> type, UUID key, P payload, UUID eventId) {
        try {
            KafkaProbe.send(type.topic(), key.toString(), json.writeValueAsString(payload),
                    ClusterEventFixtures.headers(type, eventId));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String setting(PostgresInstance instance, String name) throws Exception {
        try (Connection connection = instance.connect("postgres");
                PreparedStatement statement = connection.prepareStatement("select current_setting(?)")) {
            statement.setString(1, name);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static void refused(ValidatableResponse response, int status, String type, String detail) {
        response.statusCode(status).contentType("application/problem+json")
                .body("type", containsString(type))
                .body("detail", containsString(detail));
    }

    private static ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).post(path).then();
    }

    private static ValidatableResponse resume(String cluster) {
        return given().contentType(ContentType.JSON).post("/api/v1/clusters/" + cluster + "/resume").then();
    }

    private static ValidatableResponse put(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).put(path).then();
    }

    private static void register(Map<String, Object> cluster) {
        given().contentType(ContentType.JSON).body(cluster).post("/api/v1/clusters").then().statusCode(201);
    }
}
