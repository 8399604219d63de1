package io.drsuite.cli.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.CliFailure;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import io.drsuite.cli.http.SuiteClient;
import io.drsuite.cli.output.Printer;
import io.drsuite.cli.output.Terminal;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Follows a task of task-service until it ends: each finished step as a line in gs_ddr's manner, the step log as it
 * is written, a progress bar with the percent and the current step on a terminal, then a summary. With {@code -o
 * json|yaml} it prints nothing while waiting and the finished task's document at the end. Ctrl-C detaches: the task
 * goes on, and the way back to it is printed.
 */
public final class TaskWatcher {

    private static final Duration POLL = Duration.ofMillis(400);
    /**
     * A service answers 202 once the task request is in its outbox; task-service knows the task a moment later,
     * after the request went through Kafka. Until then its 404 means "not yet", not "no such task".
     */
    private static final Duration ARRIVAL = Duration.ofSeconds(30);

    private final SuiteClient client;
    private final Terminal terminal;
    private final Printer printer;

    public TaskWatcher(SuiteClient client, Terminal terminal, Printer printer) {
        this.client = client;
        this.terminal = terminal;
        this.printer = printer;
    }

    /** Waits for the task to end; 0 when it succeeded, 1 when it failed or was cancelled. */
    public int watch(String taskId) {
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread detach = new Thread(() -> {
            if (watching.get()) {
                PrintStream err = terminal.err();
                err.println();
                err.println("Detached from task " + taskId + "; it goes on.");
                err.println("  follow it again: drctl task watch " + taskId);
                err.println("  cancel it:       drctl task cancel " + taskId);
            }
        }, "drctl-detach");
        Runtime.getRuntime().addShutdownHook(detach);
        try {
            return follow(taskId);
        } finally {
            watching.set(false);
        }
    }

    private int follow(String taskId) {
        TaskRendering rendering = new TaskRendering(terminal);
        Set<String> reported = new HashSet<>();
        int logShown = 0;
        Instant arrivalDeadline = Instant.now().plus(ARRIVAL);
        while (true) {
            JsonNode task = read(taskId, arrivalDeadline);
            if (task == null) {
                pause();
                continue;
            }
            if (printer.forPeople()) {
                logShown = rendering.update(task, logShown, reported);
            }
            String state = task.path("state").asText();
            if (TaskStates.finished(state)) {
                if (printer.forPeople()) {
                    rendering.summary(task);
                } else {
                    printer.document(task);
                }
                return state.equals("succeeded") ? ExitCode.DONE : ExitCode.OPERATION_FAILED;
            }
            pause();
        }
    }

    /** The task, or null while task-service does not know it yet (within the arrival time). */
    private JsonNode read(String taskId, Instant arrivalDeadline) {
        try {
            return client.get(Service.TASK, ApiPath.of("/api/v1/tasks/{}", taskId));
        } catch (CliFailure failure) {
            if (failure.exitCode() == ExitCode.REFUSED && Instant.now().isBefore(arrivalDeadline)) {
                return null;
            }
            throw failure;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCode.DETACHED, "interrupted");
        }
    }
}
