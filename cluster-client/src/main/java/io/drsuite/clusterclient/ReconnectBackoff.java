package io.drsuite.clusterclient;

/**
 * When a node (or a database) that did not answer is tried again, counted in rounds (monitor-service's polls, the
 * bin sync's passes): after 1 round, then 2, 4, 8, ... rounds, at most {@code maxPolls} apart, and on every round
 * again once it answered. So a dead node costs at most one connect attempt per round, and far fewer while it stays
 * dead. Not thread-safe: its owner calls it from one round at a time.
 */
public final class ReconnectBackoff {

    private final long maxPolls;
    private int failures;
    private long nextAttempt;

    public ReconnectBackoff(long maxPolls) {
        this.maxPolls = Math.max(1, maxPolls);
    }

    public boolean mayConnect(long poll) {
        return poll >= nextAttempt;
    }

    /** The attempt made in this poll failed. */
    public void failed(long poll) {
        failures++;
        nextAttempt = poll + Math.min(maxPolls, 1L << Math.min(failures - 1, 30));
    }

    public void succeeded() {
        failures = 0;
        nextAttempt = 0;
    }

    /** The node may well be back (an operation on its cluster ended): it is tried at the next poll. */
    public void reset() {
        succeeded();
    }

    public int failures() {
        return failures;
    }
}
