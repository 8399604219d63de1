package io.drsuite.cli.commands.relationship;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import io.drsuite.cli.task.Settling;
import io.drsuite.cli.task.WaitOption;

/**
 * Following a relationship operation's task to its end, and then a moment more: relationship-service learns the
 * task's outcome from its finished event, so right after drctl saw the task end the relationship may still show it
 * in flight (and the old phase). Waiting for it to let go makes {@code drctl reprotect shop && drctl query shop}
 * show the new phase, and a script's next operation is not refused as busy.
 */
final class OperationEnd {

    private OperationEnd() {
    }

    /** Follows the accepted operation's task as {@code --no-wait} says; after waiting, also for the relationship. */
    static int follow(Cli cli, WaitOption wait, JsonNode accepted) {
        String taskId = accepted.path("taskId").asText();
        int exit = wait.follow(cli, accepted, taskId);
        String relationshipId = accepted.path("relationship").path("id").asText("");
        if (exit != ExitCode.DETACHED && !relationshipId.isEmpty() && wait.waited()) {
            await(cli, relationshipId, taskId);
        }
        return exit;
    }

    private static void await(Cli cli, String relationshipId, String taskId) {
        Settling.await(cli, Service.RELATIONSHIP, ApiPath.of(Relationships.PATH + "/{}", relationshipId),
                relationship -> !taskId.equals(relationship.path("currentTask").path("id").asText()),
                "relationship-service still shows task " + taskId + " in flight; the relationship's next operation "
                        + "may be refused for a moment");
    }
}
