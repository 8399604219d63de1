package io.drsuite.task.engine;

import static io.drsuite.task.engine.StepDefinition.step;
import static io.drsuite.task.model.FailurePolicy.RESUME;
import static io.drsuite.task.model.FailurePolicy.ROLLBACK;

import io.drsuite.clusterclient.host.LocalHostExecutor;
import io.drsuite.testing.LocalInfrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Task types for {@link TaskLeaseTest} only: each step lets "another instance" take its task over (as a claim after
 * this instance stalled past its lease would) and then tries to go on acting.
 */
final class LeaseProbeTasks {

    static final String OTHER_INSTANCE = "task-service-another-instance";

    /** Rollbacks that ran, by task. */
    static final Map<UUID, String> ROLLBACKS = new ConcurrentHashMap<>();

    private LeaseProbeTasks() {
    }

    /** Another instance claims the task, with a long lease, as it would after this one stalled. */
    static void takeOver(UUID taskId) {
        try (Connection connection = DriverManager.getConnection(LocalInfrastructure.jdbcUrl(),
                LocalInfrastructure.DB_USER, LocalInfrastructure.DB_PASSWORD);
                PreparedStatement update = connection.prepareStatement("""
                        update task.task set lease_owner = ?, lease_expires_at = now() + interval '10 minutes',
                               attempts = attempts + 1
                         where id = ?""")) {
            update.setString(1, OTHER_INSTANCE);
            update.setObject(2, taskId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pidFile(UUID taskId) {
        return System.getProperty("java.io.tmpdir") + "/drsuite-lease-probe-" + taskId + ".pid";
    }

    /** The task is taken over, then its step fails: a rollback would act without the lease. */
    @ApplicationScoped
    static class TakenOverThenFails implements TaskDefinition {

        static final String TYPE = "test.lease.taken-over-then-fails";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public List<StepDefinition> steps() {
            return List.of(step("take-over-and-fail", 100, ROLLBACK, context -> {
                takeOver(context.taskId());
                throw new IllegalStateException("the step fails after another instance took the task over");
            }));
        }

        @Override
        public void rollback(StepContext context, String failedStep) {
            ROLLBACKS.put(context.taskId(), failedStep);
        }
    }

    /** The task is taken over, then its step records an artifact and progress and ends as if done. */
    @ApplicationScoped
    static class TakenOverThenWrites implements TaskDefinition {

        static final String TYPE = "test.lease.taken-over-then-writes";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public List<StepDefinition> steps() {
            return List.of(
                    step("take-over-and-write", 50, RESUME, context -> {
                        takeOver(context.taskId());
                        context.recordNow("late", "written after the takeover");
                        context.progress(100);
                    }),
                    step("next-step", 100, RESUME, context -> context.record("next", "ran")));
        }
    }

    /** A host command runs while the task is taken over; it must not run on. */
    @ApplicationScoped
    static class TakenOverDuringCommand implements TaskDefinition {

        static final String TYPE = "test.lease.taken-over-during-command";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public List<StepDefinition> steps() {
            return List.of(
                    step("run-command", 50, RESUME, context -> {
                        new LocalHostExecutor(null).run(List.of("sh", "-c", "echo $$ > \"$1\"; exec sleep 30",
                                "probe", pidFile(context.taskId())), Duration.ofSeconds(60)).orThrow();
                        context.record("command", "ran to its end");
                    }),
                    step("after-command", 100, RESUME, context -> context.record("after", "ran")));
        }
    }
}
