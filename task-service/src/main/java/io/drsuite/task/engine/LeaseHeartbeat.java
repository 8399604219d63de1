package io.drsuite.task.engine;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jboss.logging.Logger;

/**
 * Keeps a {@link TaskLease} proven while its task runs, and enforces its fence. One thread renews the lease every
 * third of its TTL (a renewal may hang as long as the control-plane database does not answer); another wakes at the
 * fence time and, unless a renewal moved it, fences the task: it interrupts the thread running the step, which kills
 * the host command or closes the cluster session it is waiting on. A renewal that finds the task in other hands
 * fences it at once.
 */
final class LeaseHeartbeat implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LeaseHeartbeat.class);

    private final TaskLease lease;
    private final Thread worker;
    private final Thread renewer;
    private final Thread watchdog;
    private boolean guarding = true;
    private boolean fenced;

    LeaseHeartbeat(TaskStore store, TaskLease lease) {
        this.lease = lease;
        this.worker = Thread.currentThread();
        lease.onLost(this::fence);
        long periodMillis = Math.max(200, lease.ttl().toMillis() / 3);
        this.renewer = Thread.ofVirtual().name("lease-" + lease.taskId()).start(() -> renew(store, periodMillis));
        this.watchdog = Thread.ofVirtual().name("fence-" + lease.taskId()).start(this::watch);
    }

    private void renew(TaskStore store, long periodMillis) {
        while (!Thread.currentThread().isInterrupted() && lease.holds()) {
            try {
                Thread.sleep(periodMillis);
                long sent = System.nanoTime();
                if (store.renewLease(lease)) {
                    lease.renewed(sent);
                } else {
                    lease.lose("another instance holds the task now (a renewal found it no longer this one's)");
                    return;
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Could not renew the lease of task %s (%s); this instance fences itself at %s unless a "
                        + "renewal succeeds before", lease.taskId(), e.getMessage(), lease.fencedAt());
            }
        }
    }

    private void watch() {
        while (!Thread.currentThread().isInterrupted()) {
            long left = lease.nanosUntilFence();
            if (!lease.holds()) {
                fence();
                return;
            }
            LockSupport.parkNanos(Math.min(left, TimeUnit.SECONDS.toNanos(1)));
        }
    }

    private void fence() {
        synchronized (this) {
            if (fenced || !guarding) {
                return;
            }
            fenced = true;
            LOG.warnf("Task %s fenced on this instance: %s. It stops touching the task's clusters now; the instance "
                    + "that claims the task next resumes it", lease.taskId(), lease.whyNotHeld());
            worker.interrupt();
        }
        renewer.interrupt();
    }

    @Override
    public void close() {
        synchronized (this) {
            guarding = false;
        }
        renewer.interrupt();
        watchdog.interrupt();
    }
}
