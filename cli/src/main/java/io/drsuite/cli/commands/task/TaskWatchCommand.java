package io.drsuite.cli.commands.task;

import io.drsuite.cli.Cli;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code drctl task watch ID}: reattaches to a task and follows it to its end with live progress. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Follow a task to its end: each finished step, the step log, a progress bar on a terminal, "
                + "then a summary. Exit code 0 when it succeeded, 1 when it failed or was cancelled. Ctrl-C "
                + "detaches; the task goes on.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl task watch 6f1c2a4e-0b7d-4c55-9a51-3e2f1d0c9b8a",
            "  drctl task watch 6f1c2a4e-0b7d-4c55-9a51-3e2f1d0c9b8a -o json   # prints the finished task"})
public class TaskWatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The task's id")
    String id;

    @Override
    public Integer call() {
        return Cli.of(spec).tasks().watch(id);
    }
}
