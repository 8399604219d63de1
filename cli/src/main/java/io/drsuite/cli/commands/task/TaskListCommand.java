package io.drsuite.cli.commands.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import io.drsuite.cli.output.Column;
import io.drsuite.cli.output.Json;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code drctl task list}: tasks newest first, filtered by state and target. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List tasks, newest first.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl task list",
            "  drctl task list --state failed",
            "  drctl task list --target prod --limit 5 -o json"})
public class TaskListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--state", paramLabel = "STATE", description = "pending, running, succeeded, failed or cancelled")
    String state;

    @Option(names = "--target", paramLabel = "TARGET", description = "Only the tasks of this target: a cluster name, "
            + "a relationship id, a snapshot id")
    String target;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N tasks (1-500; default "
            + "${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        JsonNode tasks = cli.client().get(Service.TASK, ApiPath.of("/api/v1/tasks").query("state", state)
                .query("target", target).query("limit", limit));
        cli.printer().list(tasks, List.of(Column.of("ID", "id"), Column.of("TYPE", "type"),
                Column.of("TARGET", "target"), Column.of("STATE", "state"),
                Column.of("PROGRESS", task -> Json.text(task, "percent") + "%"),
                Column.of("STEP", "currentStep"), Column.of("CREATED", "createdAt"),
                Column.of("BY", "requestedBy")));
        return ExitCode.DONE;
    }
}
