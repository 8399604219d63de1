package io.drsuite.cli.task;

import java.util.Set;

/** task-service's task states as they appear in its API. */
public final class TaskStates {

    private static final Set<String> FINISHED = Set.of("succeeded", "failed", "cancelled");

    private TaskStates() {
    }

    public static boolean finished(String state) {
        return FINISHED.contains(state);
    }
}
