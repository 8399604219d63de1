package io.drsuite.cli.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.output.Printer;
import picocli.CommandLine.Option;

/**
 * {@code --no-wait} for commands that start a task: by default they follow it to its end (exit code 0 when it
 * succeeded, 1 when not); with it they print the accepted answer, or the task id, and return at once.
 */
public final class WaitOption {

    @Option(names = "--no-wait", description = "Return as soon as the suite accepted the request, with the task id "
            + "(follow it later: drctl task watch ID)")
    boolean noWait;

    /** Whether the command follows its task to the end (no {@code --no-wait}). */
    public boolean waited() {
        return !noWait;
    }

    /**
     * Follows the task of an accepted request, or reports it and returns.
     *
     * @param accepted the API's answer, printed as it is with -o json|yaml and --no-wait
     * @param taskId   the task the request started
     */
    public int follow(Cli cli, JsonNode accepted, String taskId) {
        Printer printer = cli.printer();
        if (noWait) {
            if (printer.forPeople()) {
                cli.terminal().out().println(taskId);
                cli.terminal().err().println("Accepted as task " + taskId + "; follow it: drctl task watch "
                        + taskId);
            } else {
                printer.document(accepted);
            }
            return ExitCode.DONE;
        }
        return cli.tasks().watch(taskId);
    }
}
