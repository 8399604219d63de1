package io.drsuite.task.dr;

import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.drsuite.events.task.DrTasks;
import io.drsuite.events.task.ClusterTasks;
import io.drsuite.events.task.TaskEvents;
import io.drsuite.events.task.TaskRequested;
import io.drsuite.events.task.TaskResumeRequested;
import io.drsuite.task.model.Task;
import io.drsuite.task.model.TaskState;
import io.drsuite.testing.ClusterEventFixtures;
import io.drsuite.testing.KafkaProbe;
import io.drsuite.testing.PagedList;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.RegistryFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Cancel and resume through the task API: a task queued behind another on the same cluster is cancelled at once;
 * a failed task resumes at its failed step; a finished task can be neither cancelled nor resumed twice.
 */
@QuarkusTest
class TaskControlTest {

    @Inject
    RegistryFixture registry;

    @Test
    void aQueuedTaskIsCancelledAndAFailedOneResumesAtItsFailedStep() throws Exception {
        DrFixture fixture = new DrFixture(registry);
        try (PostgresInstance prod = PostgresInstance.primary("ctl-prod");
                PostgresInstance dr = PostgresInstance.primary("ctl-dr")) {
            fixture.register("ctl-prod", prod);
            fixture.register("ctl-dr", dr);

            // Holds ctl-prod for a while: it waits for a cluster that is never registered (catalog-wait, 5 s here).
            UUID blocker = fixture.request(DrTasks.START, "rel-ghost", "ctl-prod", "ctl-ghost", Map.of());
            awaitState(blocker, "running");
            UUID queued = fixture.request(DrTasks.STOP, "rel-ctl", "ctl-prod", "ctl-dr", Map.of());
            awaitState(queued, "pending");
            given().post("/api/v1/tasks/{id}/cancel", queued).then().statusCode(202)
                    .body("state", equalTo("cancelled"));
            assertThat(KafkaProbe.readAll(TaskEvents.TOPIC, record -> queued.toString().equals(record.key())
                    && record.value().contains("\"state\":\"cancelled\""), Duration.ofMillis(300),
                    Duration.ofSeconds(20))).hasSize(1);
            given().post("/api/v1/tasks/{id}/cancel", queued).then().statusCode(409)
                    .contentType("application/problem+json").body("detail", containsString("cancelled"));

            assertThat(DrFixture.awaitDone(blocker, Duration.ofMinutes(1)).getString("error"))
                    .contains("ctl-ghost is not registered");

            UUID failing = fixture.request(DrTasks.SWITCHOVER, "rel-ctl", "ctl-prod", "ctl-dr", Map.of());
            JsonPath failed = DrFixture.awaitDone(failing, Duration.ofMinutes(1));
            assertThat(failed.getString("state")).isEqualTo("failed");
            assertThat(failed.getString("failedStep")).isEqualTo("check-ready");

            // A relationship's task is resumed through the relationship only: a direct resume is refused and
            // changes nothing; relationship-service's resume request runs it again.
            given().post("/api/v1/tasks/{id}/resume", failing).then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", containsString("resume-through-relationship"))
                    .body("detail", containsString("/api/v1/relationships/rel-ctl/resume"));
            assertThat(DrFixture.task(failing).getInt("attempts")).isEqualTo(1);
            assertThat(DrFixture.task(failing).getString("state")).isEqualTo("failed");
            ClusterEventFixtures.publish(TaskEvents.RESUME_REQUESTED, failing, new TaskResumeRequested(failing,
                    "rel-ctl", "relationship-service", Instant.now()), registry.json());
            org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                    .until(() -> DrFixture.task(failing).getInt("attempts") == 2
                            && "failed".equals(DrFixture.task(failing).getString("state")));
            UUID clusterTask = UUID.randomUUID();
            fixture.send(new TaskRequested(clusterTask, ClusterTasks.SWITCHOVER, "ctl-prod-id", List.of("ctl-prod"),
                    Map.of(ClusterTasks.CLUSTER, "ctl-prod", ClusterTasks.TO_NODE, "ctl-none",
                            DrTasks.RELATIONSHIP_ID, "rel-ctl"), 60, Instant.now()));
            assertThat(DrFixture.awaitDone(clusterTask, Duration.ofMinutes(1)).getString("state")).isEqualTo("failed");
            given().post("/api/v1/tasks/{id}/resume", clusterTask).then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", containsString("resume-through-cluster"))
                    .body("detail", containsString("/api/v1/clusters/ctl-prod/resume"));
            JsonPath resumed = DrFixture.task(failing);
            assertThat(resumed.getInt("attempts")).isEqualTo(2);
            assertThat(resumed.getInt("steps[0].attempts")).isEqualTo(2);
            assertThat(resumed.getList("log.message", String.class))
                    .anyMatch(line -> line.contains("resume requested"));
            assertThat(prod.inRecovery()).isFalse();
            given().post("/api/v1/tasks/{id}/resume", queued).then().statusCode(409);
            assertThat(KafkaProbe.readAll(TaskEvents.TOPIC, record -> failing.toString().equals(record.key())
                    && TaskEvents.FINISHED.type().equals(KafkaProbe.header(record, "ce_type")),
                    Duration.ofMillis(300), Duration.ofSeconds(20))).as("finished once per run").hasSize(2);
            given().get("/api/v1/tasks?target=rel-ctl&state=cancelled").then().statusCode(200)
                    .body("id", org.hamcrest.Matchers.contains(queued.toString()));
            given().get("/api/v1/tasks?state=sideways").then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    /**
     * A DR task's deadline counts from when it was requested, not from when task-service read the request: one
     * requested longer ago than its timeout (held while Kafka was down, or replayed) fails without touching a
     * cluster.
     */
    @Test
    void aDrTaskDeadlineCountsFromItsRequest() throws Exception {
        DrFixture fixture = new DrFixture(registry);
        try (PostgresInstance prod = PostgresInstance.primary("late-prod");
                PostgresInstance dr = PostgresInstance.primary("late-dr")) {
            fixture.register("late-prod", prod);
            fixture.register("late-dr", dr);
            UUID late = UUID.randomUUID();
            fixture.send(new TaskRequested(late, DrTasks.FAILOVER, "rel-late", List.of("late-prod", "late-dr"),
                    Map.of(DrTasks.RELATIONSHIP_ID, "rel-late", DrTasks.RELATIONSHIP_NAME, "rel-late",
                            DrTasks.PRIMARY_CLUSTER, "late-prod", DrTasks.DR_CLUSTER, "late-dr",
                            DrTasks.SYNC_MODE, "async"),
                    60, Instant.now().minus(Duration.ofMinutes(10))));
            JsonPath done = DrFixture.awaitDone(late, Duration.ofMinutes(1));
            assertThat(done.getString("state")).isEqualTo("failed");
            assertThat(done.getString("error")).contains("deadline");
            assertThat(prod.answers()).as("the old primary was not fenced").isTrue();
            assertThat(prod.inRecovery()).isFalse();
        }
    }

    /**
     * The list read page by page: newest first, tasks created in the same instant in the order of their ids, each
     * once, with the target and state filters kept from page to page. The tasks are written straight into the table,
     * already finished, so the runner leaves them alone.
     */
    @Test
    void theListIsReadPageByPageNewestFirstWithItsFilters() {
        String target = "paging-" + UUID.randomUUID();
        Instant sameInstant = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID older = storeFinished(target, TaskState.SUCCEEDED, sameInstant.minusSeconds(60));
        UUID cancelled = storeFinished(target, TaskState.CANCELLED, sameInstant);
        List<UUID> succeeded = List.of(storeFinished(target, TaskState.SUCCEEDED, sameInstant),
                storeFinished(target, TaskState.SUCCEEDED, sameInstant));
        try {
            List<String> sameTime = Stream.concat(succeeded.stream(), Stream.of(cancelled)).map(UUID::toString)
                    .sorted(Comparator.reverseOrder()).toList();
            assertThat(ids(PagedList.items("/api/v1/tasks?target=" + target, 2)))
                    .isEqualTo(Stream.concat(sameTime.stream(), Stream.of(older.toString())).toList());
            assertThat(ids(PagedList.items("/api/v1/tasks?target=" + target + "&state=succeeded", 1)))
                    .isEqualTo(Stream.concat(sameTime.stream().filter(id -> !id.equals(cancelled.toString())),
                            Stream.of(older.toString())).toList());
            PagedList.refusesBadLimitAndCursor("/api/v1/tasks");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> Task.delete("target", target));
        }
    }

    private static UUID storeFinished(String target, TaskState state, Instant createdAt) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            Task task = new Task();
            task.id = id;
            task.type = "test.paging";
            task.target = target;
            task.clusters = new String[] {target};
            task.parameters = Map.of();
            task.state = state;
            task.timeoutSeconds = 600;
            task.createdAt = createdAt;
            task.finishedAt = createdAt;
            task.persist();
        });
        return id;
    }

    private static List<String> ids(List<Map<String, Object>> tasks) {
        return tasks.stream().map(task -> (String) task.get("id")).toList();
    }

    private static void awaitState(UUID taskId, String state) {
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                .until(() -> state.equals(DrFixture.task(taskId).getString("state")));
    }
}
