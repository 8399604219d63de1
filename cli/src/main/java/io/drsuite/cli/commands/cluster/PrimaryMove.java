package io.drsuite.cli.commands.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;

/**
 * The line a switchover or failover inside a cluster ends with for people: which node is the primary now and which
 * one was, as the task's promotion step recorded them ({@code newPrimary}, {@code oldPrimary}).
 */
final class PrimaryMove {

    private PrimaryMove() {
    }

    /** After a task that succeeded: "prod-2 is now the primary of prod (was prod-1)". */
    static void report(Cli cli, String cluster, String taskId) {
        JsonNode task = cli.client().get(Service.TASK, ApiPath.of("/api/v1/tasks/{}", taskId));
        String line = line(cluster, task);
        if (line != null) {
            cli.terminal().out().println(cli.terminal().bold(line));
        }
    }

    /** The line for a finished task's document; null when its steps recorded no new primary. */
    static String line(String cluster, JsonNode task) {
        String newPrimary = null;
        String oldPrimary = null;
        for (JsonNode step : task.path("steps")) {
            JsonNode artifacts = step.path("artifacts");
            if (artifacts.hasNonNull("newPrimary")) {
                newPrimary = artifacts.get("newPrimary").asText();
            }
            if (artifacts.hasNonNull("oldPrimary")) {
                oldPrimary = artifacts.get("oldPrimary").asText();
            }
        }
        if (newPrimary == null) {
            return null;
        }
        return newPrimary + " is now the primary of " + cluster
                + (oldPrimary == null || oldPrimary.equals(newPrimary) ? "" : " (was " + oldPrimary + ")");
    }
}
