package io.drsuite.console.pages.task;

import io.drsuite.console.signin.ConsoleUser;
import io.drsuite.events.task.ClusterTasks;
import java.util.function.UnaryOperator;

/**
 * Which of Cancel and Resume a task offers, and why one is disabled for the user. task-service cancels a pending or
 * running task (operator) and resumes one that failed without rolling back (operator; a failed failover inside a
 * cluster needs an admin to go on).
 *
 * @param cancelRefusal why Cancel is disabled for this user, or null
 * @param resumeRefusal why Resume is disabled for this user, or null
 */
public record TaskControls(boolean offersCancel, String cancelRefusal, boolean offersResume, String resumeRefusal) {

    /** @param refusalFor the user's reason for a role they lack ({@link ConsoleUser#refusalFor}), null when held */
    public static TaskControls of(TaskDetail task, UnaryOperator<String> refusalFor) {
        String resumeRole = ClusterTasks.FAILOVER.equals(task.summary().type()) ? ConsoleUser.ADMIN
                : ConsoleUser.OPERATOR;
        return new TaskControls(task.cancellable(), refusalFor.apply(ConsoleUser.OPERATOR), task.resumable(),
                refusalFor.apply(resumeRole));
    }
}
