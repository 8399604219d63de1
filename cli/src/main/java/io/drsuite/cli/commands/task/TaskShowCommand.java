package io.drsuite.cli.commands.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import io.drsuite.cli.output.Column;
import io.drsuite.cli.output.Json;
import io.drsuite.cli.output.Printer;
import io.drsuite.cli.output.Terminal;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code drctl task show ID}: a task with its steps (state, duration, artifacts) and its step log. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a task: its state and progress, each step with its state, duration and artifacts, and "
                + "the step log.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl task show 6f1c2a4e-0b7d-4c55-9a51-3e2f1d0c9b8a",
            "  drctl task show 6f1c2a4e-0b7d-4c55-9a51-3e2f1d0c9b8a -o json | jq '.steps[].artifacts'"})
public class TaskShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The task's id")
    String id;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        JsonNode task = cli.client().get(Service.TASK, ApiPath.of("/api/v1/tasks/{}", id));
        Printer printer = cli.printer();
        printer.object(task, present(task, List.of(Column.of("Task", "id"), Column.of("Type", "type"),
                Column.of("Target", "target"), Column.of("Clusters", "clusters"),
                Column.of("State", node -> Json.text(node, "state") + (node.path("rolledBack").asBoolean()
                        ? " (rolled back)" : "") + (node.path("cancelRequested").asBoolean()
                        ? " (cancel requested)" : "")),
                Column.of("Progress", node -> Json.text(node, "percent") + "%"),
                Column.of("Current step", "currentStep"), Column.of("Failed step", "failedStep"),
                Column.of("Error", "error"), Column.of("Attempts", "attempts"),
                Column.of("Requested by", "requestedBy"), Column.of("Created", "createdAt"),
                Column.of("Started", "startedAt"), Column.of("Finished", "finishedAt"),
                Column.of("Duration", node -> StepDurations.between(node.path("startedAt"),
                        node.path("finishedAt"))),
                Column.of("Correlation", "correlationId"))));
        if (!printer.forPeople()) {
            return ExitCode.DONE;
        }
        Terminal terminal = cli.terminal();
        terminal.out().println();
        terminal.out().println(terminal.bold("Steps"));
        printer.list(task.path("steps"), List.of(Column.of("#", "position"), Column.of("STEP", "name"),
                Column.of("STATE", "state"), Column.of("ON FAILURE", "onFailure"),
                Column.of("DURATION", step -> StepDurations.between(step.path("startedAt"), step.path("finishedAt"))),
                Column.of("ARTIFACTS", step -> StepDurations.artifacts(step.path("artifacts"))),
                Column.of("ERROR", "error")));
        terminal.out().println();
        terminal.out().println(terminal.bold("Log"));
        JsonNode log = task.path("log");
        if (log.isEmpty()) {
            terminal.out().println(terminal.dim("(none)"));
        }
        for (JsonNode line : log) {
            String step = Json.text(line, "step");
            terminal.out().println(terminal.dim(Json.text(line, "at")) + "  " + (step.isEmpty() ? "" : step + ": ")
                    + Json.text(line, "message"));
        }
        return ExitCode.DONE;
    }

    /** The fields that have a value: a running task has no finish, a task that succeeded no error. */
    static List<Column> present(JsonNode document, List<Column> fields) {
        return fields.stream().filter(field -> !field.value().apply(document).isEmpty()).toList();
    }
}
