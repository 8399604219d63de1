package io.drsuite.console.pages.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Cancel while a task is pending or running, Resume when it failed without rolling back; each for whom. */
class TaskControlsTest {

    private static final UnaryOperator<String> VIEWER = role -> "needs the " + role + " role; you are signed in as "
            + "viewer";
    private static final UnaryOperator<String> OPERATOR = role -> "admin".equals(role)
            ? "needs the admin role; you are signed in as operator" : null;

    @Test
    void aRunningTaskOffersCancelToAnOperatorOnly() {
        TaskDetail running = task("cluster.switchover", "running", false, false);
        assertThat(TaskControls.of(running, OPERATOR)).isEqualTo(new TaskControls(true, null, false, null));
        assertThat(TaskControls.of(running, VIEWER).cancelRefusal())
                .isEqualTo("needs the operator role; you are signed in as viewer");
        assertThat(TaskControls.of(task("cluster.switchover", "running", false, true), OPERATOR).offersCancel())
                .as("cancel already asked").isFalse();
    }

    @Test
    void aFailedTaskThatDidNotRollBackOffersResume() {
        assertThat(TaskControls.of(task("dr.start", "failed", false, false), OPERATOR).offersResume()).isTrue();
        assertThat(TaskControls.of(task("dr.start", "failed", true, false), OPERATOR).offersResume()).isFalse();
        assertThat(TaskControls.of(task("cluster.failover", "failed", false, false), OPERATOR).resumeRefusal())
                .isEqualTo("needs the admin role; you are signed in as operator");
        TaskControls done = TaskControls.of(task("dr.start", "succeeded", false, false), OPERATOR);
        assertThat(done.offersCancel() || done.offersResume()).isFalse();
    }

    @Test
    void anArtifactNamedLikeASecretIsNotShown() {
        assertThat(TaskArtifact.of("adminPassword", "x").value()).isNull();
        assertThat(TaskArtifact.of("shutdownCheckpointLsn", "0/3000060").value()).isEqualTo("0/3000060");
    }

    @Test
    void aFilterKeepsOnlyWhatTheFormOffers() {
        assertThat(TaskFilter.of("failed", null)).isEqualTo(new TaskFilter("failed", null));
        assertThat(TaskFilter.of("odd", "cluster.switchover")).isEqualTo(new TaskFilter(null, "cluster.switchover"));
        assertThat(TaskFilter.of(null, "x").matchesType("dr.start")).isTrue();
    }

    private static TaskDetail task(String type, String state, boolean rolledBack, boolean cancelRequested) {
        TaskSummary summary = new TaskSummary(UUID.randomUUID(), type, "t", null, null, state, null, 0, null, null,
                null, "operator");
        return new TaskDetail(summary, 1, null, null, rolledBack, cancelRequested, List.of(), List.of());
    }
}
