package io.drsuite.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns a failure of a command into one line on stderr and its exit code; a stack trace only with DRCTL_DEBUG. */
final class FailureReporter implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
        if (failure instanceof CliFailure known) {
            command.getErr().println("drctl: " + known.getMessage());
            debug(failure);
            return known.exitCode();
        }
        command.getErr().println("drctl: unexpected error: " + failure);
        debug(failure);
        return ExitCode.OPERATION_FAILED;
    }

    private static void debug(Exception failure) {
        if (System.getenv("DRCTL_DEBUG") != null) {
            failure.printStackTrace();
        }
    }
}
