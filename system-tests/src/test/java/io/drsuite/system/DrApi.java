package io.drsuite.system;

import static io.drsuite.testing.SignedIn.given;
import static org.awaitility.Awaitility.await;

import io.drsuite.testing.PostgresInstance;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The suite's REST API as a user calls it: register clusters, create relationships, operate, query. */
final class DrApi {

    static final String REPLICATION_USER = "drsuite_repl";
    static final String REPLICATION_PASSWORD = "repl-pw-for-system-tests";

    private final Suite suite;

    DrApi(Suite suite) {
        this.suite = suite;
    }

    static Map<String, Object> localAccess(PostgresInstance node) {
        return Map.of("kind", "local", "osUser", "postgres");
    }

    void register(String name, PostgresInstance... nodes) {
        register(name, DrApi::localAccess, nodes);
    }

    void register(String name, Function<PostgresInstance, Map<String, Object>> access, PostgresInstance... nodes) {
        register(name, access, PostgresInstance::port, nodes);
    }

    /** Registers nodes as reached on other ports than their own (through a relay). */
    void register(String name, Function<PostgresInstance, Map<String, Object>> access,
            Function<PostgresInstance, Integer> port, PostgresInstance... nodes) {
        List<Map<String, Object>> nodeList = new ArrayList<>();
        for (PostgresInstance node : nodes) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", node.name());
            entry.put("host", "127.0.0.1");
            entry.put("port", port.apply(node));
            entry.put("dataDirectory", node.dataDirectory().toString());
            entry.put("access", access.apply(node));
            nodeList.add(entry);
        }
        given().baseUri(suite.relationships.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "nodes", nodeList,
                        "adminLogin", Map.of("username", PostgresInstance.SUPERUSER,
                                "password", PostgresInstance.SUPERUSER_PASSWORD),
                        "replicationLogin", Map.of("username", REPLICATION_USER, "password", REPLICATION_PASSWORD)))
                .post("/api/v1/clusters").then().statusCode(201);
    }

    /** Removes a cluster from the registry (its servers are left alone); one that is not registered is fine. */
    void deregister(String name) {
        given().baseUri(suite.relationships.baseUrl()).queryParam("reason", "system test: done with " + name)
                .delete("/api/v1/clusters/{name}", name).then().statusCode(org.hamcrest.Matchers.oneOf(204, 404));
    }

    /** Creates a relationship, confirming that the DR cluster is overwritten; returns {relationship id, start task id}. */
    String[] create(String name, String primary, String dr, String syncMode) {
        JsonPath accepted = given().baseUri(suite.relationships.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "primaryCluster", primary, "drCluster", dr, "syncMode", syncMode,
                        "confirmOverwrite", dr))
                .post("/api/v1/relationships").then().statusCode(202).extract().jsonPath();
        return new String[] {accepted.getString("relationship.id"), accepted.getString("taskId")};
    }

    /** Requests an operation; the dangerous ones get the reason they require unless the body has one. */
    ValidatableResponse operate(String relationshipId, String operation, Map<String, Object> body) {
        Map<String, Object> withReason = new java.util.HashMap<>(body);
        withReason.putIfAbsent("reason", "system test: " + operation);
        return given().baseUri(suite.relationships.baseUrl()).contentType(ContentType.JSON).body(withReason)
                .post("/api/v1/relationships/{id}/" + operation, relationshipId).then();
    }

    /** Requests an operation as one of the demo users; the answer carries the request's X-Correlation-Id. */
    io.restassured.response.ExtractableResponse<io.restassured.response.Response> operateAs(String user,
            String relationshipId, String operation, Map<String, Object> body) {
        return io.drsuite.testing.SignedIn.as(user).baseUri(suite.relationships.baseUrl())
                .contentType(ContentType.JSON).body(body)
                .post("/api/v1/relationships/{id}/" + operation, relationshipId).then().statusCode(202).extract();
    }

    /** A service's audit records of one correlation id, read as a viewer. */
    JsonPath audit(ServiceProcess service, String correlationId) {
        return io.drsuite.testing.SignedIn.as(io.drsuite.testing.SignedIn.VIEWER).baseUri(service.baseUrl())
                .queryParam("correlationId", correlationId).get("/api/v1/audit").then().statusCode(200)
                .extract().jsonPath();
    }

    /** Requests an operation and returns its task id. */
    String accepted(String relationshipId, String operation) {
        return operate(relationshipId, operation, Map.of()).statusCode(202).extract().jsonPath().getString("taskId");
    }

    JsonPath query(String relationshipId) {
        return given().baseUri(suite.relationships.baseUrl()).get("/api/v1/relationships/{id}", relationshipId)
                .then().statusCode(200).extract().jsonPath();
    }

    /** A field of the relationship in the list, which shows stored states (no live reading). */
    String listed(String relationshipId, String path) {
        JsonPath all = given().baseUri(suite.relationships.baseUrl()).get("/api/v1/relationships").then()
                .statusCode(200).extract().jsonPath();
        return all.getString("find { it.id == '" + relationshipId + "' }." + path);
    }

    JsonPath task(String taskId) {
        return given().baseUri(suite.tasks.baseUrl()).get("/api/v1/tasks/{id}", taskId).then().extract().jsonPath();
    }

    /** Waits until the relationship has no task in flight and is in the phase; fails with the task's log if not. */
    JsonPath awaitPhase(String relationshipId, String phase, String taskId) {
        try {
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(200)).until(() -> {
                JsonPath now = query(relationshipId);
                return now.get("currentTask") == null && phase.equals(now.getString("phase"));
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            JsonPath task = task(taskId);
            throw new AssertionError("relationship " + relationshipId + " not " + phase + ": "
                    + query(relationshipId).prettify() + "\ntask " + task.getString("state") + " at "
                    + task.getString("failedStep") + ": " + task.getString("error") + "\n" + task.getList("log"), e);
        }
        return query(relationshipId);
    }
}
