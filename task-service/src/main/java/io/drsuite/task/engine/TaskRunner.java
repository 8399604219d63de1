package io.drsuite.task.engine;

import io.drsuite.task.config.TaskConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Finds runnable tasks and runs them, each on its own virtual thread, at most {@code max-concurrent} at a time.
 * It looks on a schedule and whenever a new task is accepted ({@link #wake()}). Started with the service, so a lease
 * configuration that cannot work stops the start.
 */
@ApplicationScoped
@Startup
public class TaskRunner {

    private static final Logger LOG = Logger.getLogger(TaskRunner.class);

    private final TaskStore store;
    private final TaskExecution execution;
    private final TaskConfig config;
    private final String owner = "task-service-" + UUID.randomUUID();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore slots;
    private final AtomicBoolean claiming = new AtomicBoolean();
    private volatile boolean stopping;

    TaskRunner(TaskStore store, TaskExecution execution, TaskConfig config) {
        this.store = store;
        this.execution = execution;
        this.config = config;
        this.slots = new Semaphore(config.maxConcurrent());
        TaskLease.safetyMargin(config);
    }

    public String owner() {
        return owner;
    }

    @Scheduled(every = "${drsuite.tasks.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        claimWhileRunnable();
    }

    /** Looks for runnable tasks now, without waiting for the next poll. */
    public void wake() {
        workers.submit(this::claimWhileRunnable);
    }

    private void claimWhileRunnable() {
        if (stopping || !claiming.compareAndSet(false, true)) {
            return;
        }
        try {
            while (!stopping && slots.tryAcquire()) {
                long claimSent = System.nanoTime();
                Optional<UUID> claimed = claim();
                if (claimed.isEmpty()) {
                    slots.release();
                    return;
                }
                UUID taskId = claimed.get();
                workers.submit(() -> {
                    try {
                        execution.run(taskId, owner, claimSent);
                    } finally {
                        slots.release();
                        wake();
                    }
                });
            }
        } finally {
            claiming.set(false);
        }
    }

    private Optional<UUID> claim() {
        try {
            return store.claimNext(owner, config.leaseTtl().toSeconds());
        } catch (RuntimeException e) {
            LOG.warnf("Could not look for runnable tasks: %s", e.getMessage());
            return Optional.empty();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        workers.shutdownNow();
    }
}
