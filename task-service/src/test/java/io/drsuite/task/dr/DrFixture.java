package io.drsuite.task.dr;

import static io.drsuite.testing.SignedIn.given;
import static org.awaitility.Awaitility.await;

import io.drsuite.events.task.DrTasks;
import io.drsuite.events.task.TaskEvents;
import io.drsuite.events.task.TaskRequested;
import io.drsuite.testing.ClusterEventFixtures;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.RegistryFixture;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Registers real PostgreSQL instances as clusters (through the registry's events, as relationship-service would)
 * and requests DR tasks the way relationship-service does, then waits for their outcome through the task API.
 */
public final class DrFixture {

    static final Set<String> DONE = Set.of("succeeded", "failed", "cancelled");

    private final RegistryFixture registry;

    public DrFixture(RegistryFixture registry) {
        this.registry = registry;
    }

    /** Registers the instances as one cluster; the first is its primary (main node). */
    public void register(String name, PostgresInstance... nodes) {
        registry.register(name, nodes);
    }

    /** Requests a DR task for a relationship and returns its id. */
    public UUID request(String type, String relationship, String primary, String dr, Map<String, String> extra) {
        return request(type, relationship, primary, dr, extra, 600);
    }

    public UUID request(String type, String relationship, String primary, String dr, Map<String, String> extra,
            int timeoutSeconds) {
        Map<String, String> parameters = new HashMap<>(extra);
        parameters.put(DrTasks.RELATIONSHIP_ID, relationship);
        parameters.put(DrTasks.RELATIONSHIP_NAME, relationship);
        parameters.put(DrTasks.PRIMARY_CLUSTER, primary);
        parameters.put(DrTasks.DR_CLUSTER, dr);
        parameters.putIfAbsent(DrTasks.SYNC_MODE, "async");
        TaskRequested request = new TaskRequested(UUID.randomUUID(), type, relationship, List.of(primary, dr),
                parameters, timeoutSeconds, Instant.now());
        send(request);
        return request.taskId();
    }

    public void send(TaskRequested request) {
        ClusterEventFixtures.publish(TaskEvents.REQUESTED, request.taskId(), request, registry.json());
    }

    public static JsonPath task(UUID taskId) {
        return given().get("/api/v1/tasks/{id}", taskId).then().extract().jsonPath();
    }

    public static JsonPath awaitDone(UUID taskId, Duration limit) {
        await().atMost(limit).pollInterval(Duration.ofMillis(200)).until(() -> {
            var response = given().get("/api/v1/tasks/{id}", taskId);
            return response.statusCode() == 200 && DONE.contains(response.jsonPath().getString("state"));
        });
        return task(taskId);
    }

    /** Like {@link #awaitDone}, but fails with the task's log when it did not succeed. */
    public static JsonPath awaitSucceeded(UUID taskId) {
        JsonPath task = awaitDone(taskId, Duration.ofMinutes(4));
        if (!"succeeded".equals(task.getString("state"))) {
            throw new AssertionError("task " + taskId + " " + task.getString("state") + " at "
                    + task.getString("failedStep") + ": " + task.getString("error") + "\nlog: "
                    + task.getList("log.message"));
        }
        return task;
    }
}
