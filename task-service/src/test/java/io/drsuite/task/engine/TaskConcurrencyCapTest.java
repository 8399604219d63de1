package io.drsuite.task.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.task.TaskEvents;
import io.drsuite.events.task.TaskRequested;
import io.drsuite.task.config.TaskConfig;
import io.drsuite.task.model.StepState;
import io.drsuite.task.model.Task;
import io.drsuite.task.model.TaskLogEntry;
import io.drsuite.task.model.TaskState;
import io.drsuite.task.model.TaskStep;
import io.drsuite.testing.ClusterEventFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An instance runs at most {@code drsuite.tasks.max-concurrent} operations at once; the others wait unclaimed (no
 * lease), so whichever instance has a free place takes them, and every one of them still runs, each step once.
 */
@QuarkusTest
@TestProfile(TaskConcurrencyCapTest.CapOfTwo.class)
class TaskConcurrencyCapTest {

    private static final int CAP = 2;
    private static final String OTHER_INSTANCE = "task-service-with-a-free-place";

    public static class CapOfTwo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("drsuite.tasks.max-concurrent", String.valueOf(CAP));
        }
    }

    @Inject
    ObjectMapper json;

    @Inject
    TaskStore store;

    @Inject
    TaskRunner runner;

    @Inject
    TaskConfig config;

    @Inject
    TaskDefinitions definitions;

    @Test
    void anInstanceRunsNoMoreThanItsCapAndTheRestWaitForAnyInstanceWithRoom() {
        List<UUID> tasks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tasks.add(request());
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> count(tasks, TaskState.RUNNING) == CAP);
        List<Task> waiting = tasks.stream().map(TaskConcurrencyCapTest::task)
                .filter(task -> task.state == TaskState.PENDING).toList();
        assertThat(waiting).as("beyond the cap, tasks wait unclaimed: no lease, never started").hasSize(3)
                .allSatisfy(task -> {
                    assertThat(task.leaseOwner).isNull();
                    assertThat(task.attempts).isZero();
                });
        assertThat(tasks.stream().map(TaskConcurrencyCapTest::task).filter(task -> task.state == TaskState.RUNNING))
                .allSatisfy(task -> assertThat(task.leaseOwner).isEqualTo(runner.owner()));

        // Another instance with room takes a waiting task (the same claim, rows locked with skip locked), never one
        // this instance runs; it hands it back, as a stopping instance does, and this instance runs it later.
        Optional<UUID> taken = store.claimNext(OTHER_INSTANCE, 60, definitions.continuousTypes().isEmpty()
                ? Set.of("") : definitions.continuousTypes(), false);
        assertThat(taken).as("a waiting task is free for any instance")
                .hasValueSatisfying(id -> assertThat(waiting).extracting(task -> task.id).contains(id));
        assertThat(task(taken.orElseThrow()).leaseOwner).isEqualTo(OTHER_INSTANCE);
        store.releaseLease(new TaskLease(taken.get(), OTHER_INSTANCE, config.leaseTtl(), Duration.ZERO,
                System.nanoTime()));

        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(100))
                .until(() -> count(tasks, TaskState.SUCCEEDED) == tasks.size());
        assertThat(SlowProbeTask.MOST_RUNNING.get()).as("the most steps of the kind running at once here")
                .isEqualTo(CAP);
        List<TaskStep> steps = tasks.stream().map(id -> steps(id).getFirst()).toList();
        assertThat(steps).allSatisfy(step -> {
            assertThat(step.state).isEqualTo(StepState.SUCCEEDED);
            assertThat(step.attempts).as("each step ran once").isOne();
            assertThat(step.artifacts).containsEntry("held", "ran to its end");
        });
        assertThat(mostOverlapping(steps)).as("never more than the cap running at once, by the step rows")
                .isEqualTo(CAP);
        assertThat(tasks).allSatisfy(id -> assertThat(log(id)).noneMatch(line -> line.contains("started again")));
        assertThat(tasks.stream().filter(id -> !id.equals(taken.get())).map(id -> task(id).attempts))
                .as("claimed once each").containsOnly(1);
    }

    /** The largest number of steps whose [started, finished] intervals hold one moment in common. */
    private static int mostOverlapping(List<TaskStep> steps) {
        int most = 0;
        for (TaskStep step : steps) {
            Instant at = step.startedAt;
            int running = (int) steps.stream()
                    .filter(other -> !other.startedAt.isAfter(at) && other.finishedAt.isAfter(at)).count();
            most = Math.max(most, running);
        }
        return most;
    }

    private UUID request() {
        TaskRequested request = new TaskRequested(UUID.randomUUID(), SlowProbeTask.TYPE, "concurrency-probe",
                List.of("concurrency-probe-" + UUID.randomUUID()), Map.of(), 600, Instant.now());
        ClusterEventFixtures.publish(TaskEvents.REQUESTED, request.taskId(), request, json);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> task(request.taskId()) != null);
        return request.taskId();
    }

    private static long count(List<UUID> tasks, TaskState state) {
        return tasks.stream().map(TaskConcurrencyCapTest::task).filter(task -> task.state == state).count();
    }

    private static Task task(UUID taskId) {
        return QuarkusTransaction.requiringNew().call(() -> Task.<Task>findById(taskId));
    }

    private static List<TaskStep> steps(UUID taskId) {
        return QuarkusTransaction.requiringNew().call(() -> TaskStep.<TaskStep>list("taskId = ?1 order by position",
                taskId));
    }

    private static List<String> log(UUID taskId) {
        return QuarkusTransaction.requiringNew().call(() -> TaskLogEntry.<TaskLogEntry>list("taskId = ?1 order by id",
                taskId).stream().map(entry -> entry.message).toList());
    }
}
