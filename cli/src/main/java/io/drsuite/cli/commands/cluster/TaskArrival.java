package io.drsuite.cli.commands.cluster;

import io.drsuite.cli.Cli;
import io.drsuite.cli.CliFailure;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import java.time.Duration;
import java.time.Instant;

/**
 * relationship-service answers 202 with the task id as soon as it has requested the task; the request reaches
 * task-service through Kafka a moment later, and until then task-service answers 404 for it. Following the task
 * starts once task-service knows it.
 */
public final class TaskArrival {

    private static final Duration AT_MOST = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);

    private TaskArrival() {
    }

    /** Waits until task-service knows the task; after 30 s its refusal stands. */
    public static void await(Cli cli, String taskId) {
        Instant deadline = Instant.now().plus(AT_MOST);
        while (true) {
            try {
                cli.client().get(Service.TASK, ApiPath.of("/api/v1/tasks/{}", taskId));
                return;
            } catch (CliFailure unknown) {
                if (unknown.exitCode() != ExitCode.REFUSED || Instant.now().isAfter(deadline)) {
                    throw unknown;
                }
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliFailure(ExitCode.DETACHED, "interrupted");
            }
        }
    }
}
