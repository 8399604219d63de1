package io.drsuite.task.engine;

import java.time.Instant;

/** The task ran past its deadline. */
public class TaskTimedOutException extends RuntimeException {

    public TaskTimedOutException(Instant deadline) {
        super("the task did not finish before its deadline " + deadline);
    }
}
