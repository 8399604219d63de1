package io.drsuite.task.dr;

import io.drsuite.task.engine.StepContext;
import java.time.Duration;
import java.time.Instant;

/** Polls a condition on the clusters until it holds, the limit passes, or the task's deadline passes. */
public final class Waits {

    private static final Duration POLL = Duration.ofMillis(100);

    private Waits() {
    }

    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    public static void until(StepContext context, String what, Duration limit, Condition condition)
            throws Exception {
        until(context, true, what, limit, condition);
    }

    /** For undoing work after a failure, which may be the task's deadline itself: only {@code limit} applies. */
    public static void untilIgnoringDeadline(StepContext context, String what, Duration limit, Condition condition)
            throws Exception {
        until(context, false, what, limit, condition);
    }

    private static void until(StepContext context, boolean withinDeadline, String what, Duration limit,
            Condition condition) throws Exception {
        Instant giveUp = Instant.now().plus(limit);
        Exception lastError = null;
        while (true) {
            if (withinDeadline) {
                context.remaining();
            }
            try {
                if (condition.holds()) {
                    return;
                }
                lastError = null;
            } catch (java.sql.SQLException e) {
                lastError = e;
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("gave up after " + limit.toSeconds() + " s waiting until " + what
                        + (lastError == null ? "" : " (last error: " + lastError.getMessage() + ")"));
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
