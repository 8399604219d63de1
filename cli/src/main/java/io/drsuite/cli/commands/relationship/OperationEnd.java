package io.drsuite.cli.commands.relationship;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import io.drsuite.cli.task.WaitOption;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Following a relationship operation's task to its end, and then a moment more: relationship-service learns the
 * task's outcome from its finished event, so right after drctl saw the task end the relationship may still show it
 * in flight (and the old phase). Waiting for it to let go makes {@code drctl reprotect shop && drctl query shop}
 * show the new phase, and a script's next operation is not refused as busy.
 */
final class OperationEnd {

    private static final Duration AT_MOST = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(250);

    private OperationEnd() {
    }

    /** Follows the accepted operation's task as {@code --no-wait} says; after waiting, also for the relationship. */
    static int follow(Cli cli, CommandSpec spec, WaitOption wait, JsonNode accepted) {
        String taskId = accepted.path("taskId").asText();
        int exit = wait.follow(cli, accepted, taskId);
        String relationshipId = accepted.path("relationship").path("id").asText("");
        if (exit != ExitCode.DETACHED && !relationshipId.isEmpty() && !spec.commandLine().getParseResult().hasMatchedOption("--no-wait")) {
            await(cli, relationshipId, taskId);
        }
        return exit;
    }

    private static void await(Cli cli, String relationshipId, String taskId) {
        Instant deadline = Instant.now().plus(AT_MOST);
        while (true) {
            JsonNode relationship = cli.client().get(Service.RELATIONSHIP,
                    ApiPath.of(Relationships.PATH + "/{}", relationshipId));
            if (!taskId.equals(relationship.path("currentTask").path("id").asText())) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                cli.terminal().err().println("relationship-service still shows task " + taskId + " in flight on "
                        + relationship.path("name").asText() + "; its next operation may be refused for a moment");
                return;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
