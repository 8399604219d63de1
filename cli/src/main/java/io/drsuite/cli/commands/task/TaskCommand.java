package io.drsuite.cli.commands.task;

import picocli.CommandLine.Command;

/** {@code drctl task}: the long operations task-service runs, followed, cancelled and resumed from a terminal. */
@Command(name = "task", mixinStandardHelpOptions = true,
        description = "List, show, follow, cancel and resume the suite's long operations (tasks).",
        subcommands = {TaskListCommand.class, TaskShowCommand.class, TaskWatchCommand.class,
            TaskCancelCommand.class, TaskResumeCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  drctl task list --state running",
            "  drctl task show 6f1c2a4e-0b7d-4c55-9a51-3e2f1d0c9b8a",
            "  drctl task watch 6f1c2a4e-0b7d-4c55-9a51-3e2f1d0c9b8a",
            "  drctl task resume 6f1c2a4e-0b7d-4c55-9a51-3e2f1d0c9b8a"})
public class TaskCommand {
}
