package io.drsuite.task.engine;

import io.drsuite.task.config.TaskConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Finds runnable tasks and runs them, each on its own virtual thread: at most {@code max-concurrent} operations and,
 * apart from them, at most {@code max-continuous} continuous tasks (which run until cancelled, so they never hold an
 * operation's place).
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
    private final Semaphore continuousSlots;
    private final Set<String> continuousTypes;
    private final AtomicBoolean claiming = new AtomicBoolean();
    private volatile boolean stopping;

    TaskRunner(TaskStore store, TaskExecution execution, TaskConfig config, TaskDefinitions definitions) {
        this.store = store;
        this.execution = execution;
        this.config = config;
        this.slots = new Semaphore(config.maxConcurrent());
        this.continuousSlots = new Semaphore(config.maxContinuous());
        this.continuousTypes = definitions.continuousTypes().isEmpty() ? Set.of("") : definitions.continuousTypes();
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
            claimInto(slots, false);
            claimInto(continuousSlots, true);
        } finally {
            claiming.set(false);
        }
    }

    private void claimInto(Semaphore places, boolean continuous) {
        while (!stopping && places.tryAcquire()) {
            long claimSent = System.nanoTime();
            Optional<UUID> claimed = claim(continuous);
            if (claimed.isEmpty()) {
                places.release();
                return;
            }
            UUID taskId = claimed.get();
            workers.submit(() -> {
                try {
                    execution.run(taskId, owner, claimSent);
                } finally {
                    places.release();
                    wake();
                }
            });
        }
    }

    private Optional<UUID> claim(boolean continuous) {
        try {
            return store.claimNext(owner, config.leaseTtl().toSeconds(), continuousTypes, continuous);
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
