package io.drsuite.task.engine;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Renews this instance's lease on a running task every third of its lifetime. If a renewal finds the task taken
 * over, {@link #check()} throws from then on so the step stops touching the clusters.
 */
final class LeaseHeartbeat implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LeaseHeartbeat.class);

    private final AtomicBoolean lost = new AtomicBoolean();
    private final Thread thread;

    LeaseHeartbeat(TaskStore store, UUID taskId, String owner, long leaseSeconds) {
        long periodMillis = Math.max(500, leaseSeconds * 1000 / 3);
        this.thread = Thread.ofVirtual().name("lease-" + taskId).start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(periodMillis);
                    if (!store.renewLease(taskId, owner, leaseSeconds)) {
                        lost.set(true);
                        LOG.warnf("Task %s was taken over by another instance; stopping here", taskId);
                        return;
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    LOG.warnf("Could not renew the lease of task %s: %s", taskId, e.getMessage());
                }
            }
        });
    }

    void check() {
        if (lost.get()) {
            throw new LeaseLostException("the task is no longer held by this instance");
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
