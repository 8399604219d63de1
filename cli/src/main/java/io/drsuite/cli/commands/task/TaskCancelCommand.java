package io.drsuite.cli.commands.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import io.drsuite.cli.output.Printer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code drctl task cancel ID}: a pending task ends at once, a running one stops before its next safe step. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancel a task: a pending one at once, a running one before its next step that is safe to "
                + "stop at. Refused (exit 3) when it has finished or no such step is left.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl task cancel 6f1c2a4e-0b7d-4c55-9a51-3e2f1d0c9b8a"})
public class TaskCancelCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The task's id")
    String id;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        JsonNode task = cli.client().post(Service.TASK, ApiPath.of("/api/v1/tasks/{}/cancel", id), null);
        Printer printer = cli.printer();
        if (!printer.forPeople()) {
            printer.document(task);
        } else if ("cancelled".equals(task.path("state").asText())) {
            printer.message("Cancelled task " + id + ".");
        } else {
            printer.message("Task " + id + " stops before its next safe step (it is in "
                    + task.path("currentStep").asText("?") + "); follow it: drctl task watch " + id);
        }
        return ExitCode.DONE;
    }
}
