package io.drsuite.task.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.task.TaskEvents;
import io.drsuite.events.task.TaskRequested;
import io.drsuite.task.model.FailurePolicy;
import io.drsuite.task.model.StepState;
import io.drsuite.task.model.Task;
import io.drsuite.task.model.TaskLogEntry;
import io.drsuite.task.model.TaskState;
import io.drsuite.task.model.TaskStep;
import io.drsuite.testing.ClusterEventFixtures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An instance that lost a task's lease stops acting on it: no rollback, no write of the task or its steps, and the
 * host command it was running is stopped. Every store write is conditional on the lease; the lease fences itself by
 * time.
 */
@QuarkusTest
class TaskLeaseTest {

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry metrics;

    @Inject
    TaskStore store;

    @Test
    void aTaskTakenOverIsLeftAloneByTheInstanceThatLostIt() throws Exception {
        UUID failing = request(LeaseProbeTasks.TakenOverThenFails.TYPE);
        UUID writing = request(LeaseProbeTasks.TakenOverThenWrites.TYPE);
        UUID commanding = request(LeaseProbeTasks.TakenOverDuringCommand.TYPE);
        try {
            Path pidFile = Path.of(LeaseProbeTasks.pidFile(commanding));
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> Files.exists(pidFile) && !Files.readString(pidFile).isBlank());
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            LeaseProbeTasks.takeOver(commanding);
            Instant takenOver = Instant.now();
            await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(50))
                    .until(() -> ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true));
            assertThat(Duration.between(takenOver, Instant.now()))
                    .as("the command stops within one renewal period (a third of the 5 s lease) of the takeover")
                    .isLessThan(Duration.ofSeconds(4));

            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                    .until(() -> LeaseProbeTasks.ROLLBACKS.containsKey(failing) || lostLeases() >= 3);
            assertThat(LeaseProbeTasks.ROLLBACKS).as("no rollback without the lease").doesNotContainKey(failing);

            for (UUID taskId : List.of(failing, writing, commanding)) {
                Task task = task(taskId);
                assertThat(task.state).as("the new owner's task stays running").isEqualTo(TaskState.RUNNING);
                assertThat(task.leaseOwner).isEqualTo(LeaseProbeTasks.OTHER_INSTANCE);
                assertThat(task.percent).as("no progress written after the takeover").isZero();
                List<TaskStep> steps = steps(taskId);
                assertThat(steps.getFirst().state).as("the step is not recorded as done or failed")
                        .isEqualTo(StepState.RUNNING);
                assertThat(steps.getFirst().artifacts).as("no artifact written after the takeover").isEmpty();
                assertThat(steps.subList(1, steps.size())).allSatisfy(step -> {
                    assertThat(step.attempts).as("no later step started").isZero();
                });
                assertThat(log(taskId)).noneMatch(line -> line.contains("rolling back") || line.contains("failed")
                        || line.contains("succeeded"));
            }
        } finally {
            delete(failing, writing, commanding);
            Files.deleteIfExists(Path.of(LeaseProbeTasks.pidFile(commanding)));
        }
    }

    @Test
    void aWriteByAnInstanceThatDoesNotHoldTheLeaseChangesNothing() {
        String cluster = "lease-store-" + UUID.randomUUID();
        // An older unfinished task on the same cluster keeps this service's runner from claiming the other two.
        UUID blocker = insert(cluster, "task-service-z", Duration.ofMinutes(10), Duration.ofMinutes(1));
        UUID held = insert(cluster, "task-service-a", Duration.ofMinutes(10), Duration.ZERO);
        UUID expired = insert(cluster, "task-service-a", Duration.ofSeconds(-1), Duration.ZERO);
        try {
            TaskLease other = lease(held, "task-service-b");
            assertThat(store.renewLease(other)).isFalse();
            assertThatThrownBy(() -> store.stepStarted(other, 0)).isInstanceOf(LeaseLostException.class);
            assertThat(other.holds()).as("a refused write fences the lease").isFalse();
            for (TaskLease stranger : List.of(lease(held, "task-service-b"), lease(expired, "task-service-a"))) {
                assertThatThrownBy(() -> store.stepStarted(stranger, 0)).isInstanceOf(LeaseLostException.class);
                assertThatThrownBy(() -> store.progress(lease(stranger), 50))
                        .isInstanceOf(LeaseLostException.class);
                assertThatThrownBy(() -> store.recordArtifact(lease(stranger), 0, "late", "value"))
                        .isInstanceOf(LeaseLostException.class);
                assertThatThrownBy(() -> store.stepSucceeded(lease(stranger), 0, Map.of("late", "value"), 50))
                        .isInstanceOf(LeaseLostException.class);
                assertThatThrownBy(() -> store.failed(lease(stranger), 0, "late", true))
                        .isInstanceOf(LeaseLostException.class);
                assertThatThrownBy(() -> store.succeeded(lease(stranger))).isInstanceOf(LeaseLostException.class);
                assertThatThrownBy(() -> store.log(lease(stranger), "step", "late"))
                        .isInstanceOf(LeaseLostException.class);
                assertThat(store.renewLease(lease(stranger))).isFalse();
                Task task = task(stranger.taskId());
                assertThat(task.state).isEqualTo(TaskState.RUNNING);
                assertThat(task.leaseOwner).isEqualTo("task-service-a");
                assertThat(task.percent).isZero();
                TaskStep step = steps(stranger.taskId()).getFirst();
                assertThat(step.state).isEqualTo(StepState.PENDING);
                assertThat(step.attempts).isZero();
                assertThat(step.artifacts).isEmpty();
                assertThat(log(stranger.taskId())).isEmpty();
            }

            TaskLease owner = lease(held, "task-service-a");
            store.stepStarted(owner, 0);
            assertThat(steps(held).getFirst().state).as("the holder's write goes through").isEqualTo(StepState.RUNNING);
            assertThat(store.renewLease(owner)).isTrue();
        } finally {
            delete(blocker, held, expired);
        }
    }

    @Test
    void aLeaseFencesItselfAtItsLastRenewalPlusTheTtlMinusTheMargin() throws Exception {
        Instant grantedAt = Instant.now();
        long granted = System.nanoTime();
        TaskLease lease = new TaskLease(UUID.randomUUID(), "task-service-a", Duration.ofSeconds(3),
                Duration.ofSeconds(1), granted);
        assertThat(lease.fencedAt()).isCloseTo(grantedAt.plusSeconds(2), within(100, ChronoUnit.MILLIS));
        assertThat(lease.holds()).isTrue();
        assertThat(lease.<Boolean>guard(() -> {
            TaskLease.checkRunning();
            return true;
        })).isTrue();
        lease.renewed(granted + Duration.ofMillis(500).toNanos());
        assertThat(lease.fencedAt()).isCloseTo(grantedAt.plusMillis(2500), within(100, ChronoUnit.MILLIS));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).until(() -> !lease.holds());
        assertThat(Duration.ofNanos(System.nanoTime() - granted)).isGreaterThanOrEqualTo(Duration.ofMillis(2500));
        lease.renewed(System.nanoTime());
        assertThat(lease.holds()).as("a fence is final").isFalse();
        assertThatThrownBy(() -> lease.guard(() -> {
            TaskLease.checkRunning();
            return true;
        })).isInstanceOf(LeaseLostException.class).hasMessageContaining("could not be renewed");
        assertThatCode(TaskLease::checkRunning).as("outside a task nothing is checked").doesNotThrowAnyException();
    }

    private static TaskLease lease(UUID taskId, String owner) {
        return new TaskLease(taskId, owner, Duration.ofSeconds(5), Duration.ofSeconds(1), System.nanoTime());
    }

    /** A fresh lease for the same task and owner (a refused write fences the one it was given). */
    private static TaskLease lease(TaskLease like) {
        return lease(like.taskId(), like.owner());
    }

    private static UUID insert(String cluster, String owner, Duration leaseLeft, Duration age) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            Task task = new Task();
            task.id = id;
            task.type = "test.lease.store";
            task.target = "lease-probe";
            task.clusters = new String[] {cluster};
            task.parameters = Map.of();
            task.state = TaskState.RUNNING;
            task.timeoutSeconds = 600;
            task.createdAt = Instant.now().minus(age);
            task.startedAt = task.createdAt;
            task.attempts = 1;
            task.leaseOwner = owner;
            task.leaseExpiresAt = Instant.now().plus(leaseLeft);
            task.persist();
            TaskStep step = new TaskStep();
            step.taskId = id;
            step.position = 0;
            step.name = "step";
            step.state = StepState.PENDING;
            step.onFailure = FailurePolicy.ROLLBACK;
            step.persist();
        });
        return id;
    }

    private long lostLeases() {
        return (long) metrics.find("drsuite.tasks.lease.lost").counters().stream().mapToDouble(Counter::count).sum();
    }

    private UUID request(String type) {
        TaskRequested request = new TaskRequested(UUID.randomUUID(), type, "lease-probe",
                List.of("lease-probe-" + UUID.randomUUID()), Map.of(), 600, Instant.now());
        ClusterEventFixtures.publish(TaskEvents.REQUESTED, request.taskId(), request, json);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> Optional.ofNullable(task(request.taskId())).map(task -> task.attempts > 0).orElse(false));
        return request.taskId();
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

    private static void delete(UUID... taskIds) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (UUID taskId : taskIds) {
                TaskLogEntry.delete("taskId", taskId);
                TaskStep.delete("taskId", taskId);
                Task.deleteById(taskId);
            }
        });
    }
}
