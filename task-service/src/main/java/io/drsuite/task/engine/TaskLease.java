package io.drsuite.task.engine;

import io.drsuite.task.config.TaskConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * This instance's hold on one running task, as far as it can prove it. The database grants the lease until
 * {@code lease_expires_at}, after which another instance may claim the task and act on the same clusters. This
 * instance only knows when it last renewed successfully, so it fences itself at that moment (taken before the
 * renewal was sent) plus the TTL minus a safety margin: from then on {@link #holds()} is false and nothing of the task
 * may touch a cluster, whether or not the database is reachable. Finding the task in another instance's hands (a
 * renewal or a write that updated nothing) fences it at once. A fence is final: the task is left to whichever
 * instance claims it next, which resumes it from its last recorded step.
 */
public final class TaskLease {

    private static final ThreadLocal<TaskLease> RUNNING = new ThreadLocal<>();

    private final UUID taskId;
    private final String owner;
    private final Duration ttl;
    private final Duration margin;
    private volatile long fenceAtNanos;
    private volatile Instant lastProven;
    private volatile String lostBecause;
    private volatile Runnable onLost = () -> {
    };

    /**
     * @param provenAtNanos {@link System#nanoTime()} just before the claim that granted the lease was sent
     */
    TaskLease(UUID taskId, String owner, Duration ttl, Duration margin, long provenAtNanos) {
        this.taskId = taskId;
        this.owner = owner;
        this.ttl = ttl;
        this.margin = margin;
        this.fenceAtNanos = provenAtNanos + ttl.minus(margin).toNanos();
        this.lastProven = Instant.now().minusNanos(System.nanoTime() - provenAtNanos);
    }

    /** The margin an instance keeps before its lease can expire: configured, or a fifth of the TTL. */
    static Duration safetyMargin(TaskConfig config) {
        Duration margin = config.leaseSafetyMargin().orElse(config.leaseTtl().dividedBy(5));
        if (margin.isNegative() || margin.compareTo(config.leaseTtl().dividedBy(2)) > 0) {
            throw new IllegalStateException("drsuite.tasks.lease-safety-margin (" + margin + ") must be between 0 "
                    + "and half of drsuite.tasks.lease-ttl (" + config.leaseTtl() + ")");
        }
        return margin;
    }

    public UUID taskId() {
        return taskId;
    }

    public String owner() {
        return owner;
    }

    Duration ttl() {
        return ttl;
    }

    /** Whether this instance can still prove it holds the task; false from the fence on, for good. */
    public boolean holds() {
        return lostBecause == null && System.nanoTime() - fenceAtNanos < 0;
    }

    /** When this instance stops (or stopped) acting on the task unless a renewal succeeds before. */
    public Instant fencedAt() {
        return Instant.now().plusNanos(fenceAtNanos - System.nanoTime());
    }

    long nanosUntilFence() {
        return fenceAtNanos - System.nanoTime();
    }

    /** A renewal sent at {@code sentAtNanos} succeeded: the database holds the lease until at least then + TTL. */
    synchronized void renewed(long sentAtNanos) {
        if (holds()) {
            fenceAtNanos = Math.max(fenceAtNanos, sentAtNanos + ttl.minus(margin).toNanos());
            lastProven = Instant.now().minusNanos(System.nanoTime() - sentAtNanos);
        }
    }

    /** The database shows the task is no longer this instance's: fenced now. */
    void lose(String reason) {
        synchronized (this) {
            if (lostBecause != null) {
                return;
            }
            lostBecause = reason;
        }
        onLost.run();
    }

    void onLost(Runnable listener) {
        this.onLost = listener;
    }

    /** Why the lease does not hold, for logs and errors. */
    String whyNotHeld() {
        String lost = lostBecause;
        return lost != null ? lost
                : "the lease was last proven at " + lastProven + " and could not be renewed by " + fencedAt()
                        + " (TTL " + ttl.toMillis() + " ms, safety margin " + margin.toMillis() + " ms)";
    }

    /** Throws unless this instance can still prove it holds the task. */
    void check() {
        if (!holds()) {
            throw new LeaseLostException("task " + taskId + " is fenced on this instance: " + whyNotHeld());
        }
    }

    /** Runs {@code work} with this lease as the one every access to a cluster checks ({@link #checkRunning()}). */
    <R> R guard(Callable<R> work) throws Exception {
        TaskLease outer = RUNNING.get();
        RUNNING.set(this);
        try {
            return work.call();
        } finally {
            if (outer == null) {
                RUNNING.remove();
            } else {
                RUNNING.set(outer);
            }
        }
    }

    /**
     * Called before anything reaches a cluster (a host command, a SQL session): refuses once the lease of the task
     * being run on this thread no longer holds. Outside a task's steps nothing is checked.
     */
    public static void checkRunning() {
        TaskLease running = RUNNING.get();
        if (running != null) {
            running.check();
        }
    }
}
