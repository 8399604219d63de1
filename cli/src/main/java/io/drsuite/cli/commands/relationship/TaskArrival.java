package io.drsuite.cli.commands.relationship;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.CliFailure;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import io.drsuite.cli.task.TaskStates;
import io.drsuite.cli.task.WaitOption;
import java.time.Duration;
import java.time.Instant;

/**
 * relationship-service accepts an operation with the id of the task it requested, but the request reaches
 * task-service through Kafka: for a moment task-service does not know the task yet. Following it (or handing its id
 * to the user) waits until it does. The task's outcome goes back the same way, so after a task's end the relationship
 * shows it a moment later.
 */
final class TaskArrival {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration SETTLING = Duration.ofSeconds(20);

    private TaskArrival() {
    }

    /**
     * Waits until task-service knows the task of the accepted request, then follows it as {@code --no-wait} says.
     * When it waited for the task's end, it also waits (a little) until relationship-service has taken in the
     * outcome, so that a {@code drctl query} right after shows the new phase.
     */
    static int follow(Cli cli, WaitOption wait, JsonNode accepted) {
        String taskId = accepted.path("taskId").asText();
        await(cli, taskId);
        int exit = wait.follow(cli, accepted, taskId);
        String relationshipId = accepted.path("relationship").path("id").asText("");
        if (!relationshipId.isEmpty() && TaskStates.finished(cli.client().get(Service.TASK,
                ApiPath.of("/api/v1/tasks/{}", taskId)).path("state").asText())) {
            awaitOutcomeFolded(cli, relationshipId, taskId);
        }
        return exit;
    }

    /** Until the relationship no longer shows the task in flight; gives up quietly after a while. */
    private static void awaitOutcomeFolded(Cli cli, String relationshipId, String taskId) {
        Instant giveUp = Instant.now().plus(SETTLING);
        while (Instant.now().isBefore(giveUp)) {
            JsonNode relationship = cli.client().get(Service.RELATIONSHIP,
                    ApiPath.of(Relationships.PATH + "/{}", relationshipId));
            if (!taskId.equals(relationship.path("currentTask").path("id").asText())) {
                return;
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static void await(Cli cli, String taskId) {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (true) {
            try {
                cli.client().get(Service.TASK, ApiPath.of("/api/v1/tasks/{}", taskId));
                return;
            } catch (CliFailure e) {
                if (e.exitCode() != ExitCode.REFUSED || Instant.now().isAfter(giveUp)) {
                    throw e.exitCode() == ExitCode.REFUSED ? new CliFailure(ExitCode.OPERATION_FAILED, "task-service "
                            + "has not received task " + taskId + " within " + PATIENCE.toSeconds() + " s; look "
                            + "later: drctl task watch " + taskId) : e;
                }
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliFailure(ExitCode.DETACHED, "interrupted; the operation goes on as task " + taskId);
            }
        }
    }
}
