package io.drsuite.monitor.sessions;

/**
 * When a node that did not answer is tried again, counted in polls: after 1 poll, then 2, 4, 8, ... polls, at most
 * {@code maxPolls} apart, and on every poll again once it answered. So a dead node costs at most one connect attempt
 * per poll, and far fewer while it stays dead.
 */
final class ReconnectBackoff {

    private final long maxPolls;
    private int failures;
    private long nextAttempt;

    ReconnectBackoff(long maxPolls) {
        this.maxPolls = Math.max(1, maxPolls);
    }

    boolean mayConnect(long poll) {
        return poll >= nextAttempt;
    }

    /** The attempt made in this poll failed. */
    void failed(long poll) {
        failures++;
        nextAttempt = poll + Math.min(maxPolls, 1L << Math.min(failures - 1, 30));
    }

    void succeeded() {
        failures = 0;
        nextAttempt = 0;
    }

    /** The node may well be back (an operation on its cluster ended): it is tried at the next poll. */
    void reset() {
        succeeded();
    }

    int failures() {
        return failures;
    }
}
