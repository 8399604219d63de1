package io.drsuite.cli.commands.task;

import io.drsuite.cli.Cli;
import io.drsuite.cli.CliFailure;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import java.time.Duration;
import java.time.Instant;

/**
 * Waits for task-service to know a task another service has just asked for. snapshot-service and
 * relationship-service answer {@code 202} with the task's id as soon as they have requested it; the request reaches
 * task-service as an event, so for a moment {@code GET /api/v1/tasks/{id}} still answers 404, which the task watcher
 * would report as a refusal.
 */
public final class TaskArrival {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(250);

    private TaskArrival() {
    }

    public static void await(Cli cli, String taskId) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            try {
                cli.client().get(Service.TASK, ApiPath.of("/api/v1/tasks/{}", taskId));
                return;
            } catch (CliFailure failure) {
                if (failure.exitCode() != ExitCode.REFUSED || Instant.now().isAfter(deadline)) {
                    throw failure;
                }
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliFailure(ExitCode.DETACHED, "interrupted; the task " + taskId + " goes on (drctl task "
                        + "watch " + taskId + ")");
            }
        }
    }
}
