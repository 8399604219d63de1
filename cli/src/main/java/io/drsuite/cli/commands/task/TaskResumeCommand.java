package io.drsuite.cli.commands.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import io.drsuite.cli.task.WaitOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code drctl task resume ID}: runs a failed task again from its failed step, through relationship-service when the
 * task belongs to a DR relationship or is an operation inside a cluster, then follows it.
 */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Resume a task that failed without rolling back: it runs again from its failed step. A task "
                + "of a DR relationship or of a cluster operation is resumed through the relationship (or the "
                + "cluster), so its state follows. Waits for the task unless --no-wait.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl task resume 6f1c2a4e-0b7d-4c55-9a51-3e2f1d0c9b8a",
            "  drctl task resume 6f1c2a4e-0b7d-4c55-9a51-3e2f1d0c9b8a --no-wait"})
public class TaskResumeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WaitOption wait;

    @Parameters(paramLabel = "ID", description = "The failed task's id")
    String id;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        JsonNode task = cli.client().get(Service.TASK, ApiPath.of("/api/v1/tasks/{}", id));
        ResumeRoute route = ResumeRoute.of(task);
        JsonNode accepted = cli.client().post(route.service(), route.path(), null);
        String taskId = accepted.hasNonNull("taskId") ? accepted.path("taskId").asText()
                : accepted.path("id").asText(id);
        cli.printer().message("Resuming task " + taskId + " through " + route.owner() + ".");
        return wait.follow(cli, accepted, taskId);
    }
}
