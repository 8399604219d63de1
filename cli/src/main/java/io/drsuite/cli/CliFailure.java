package io.drsuite.cli;

/**
 * A failure drctl reports as one line on stderr and an exit code, never as a stack trace: the suite refused, cannot
 * be reached, the user is not signed in, or the input is wrong.
 */
public class CliFailure extends RuntimeException {

    private final int exitCode;

    public CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public static CliFailure usage(String message) {
        return new CliFailure(ExitCode.USAGE, message);
    }

    public static CliFailure notSignedIn(String message) {
        return new CliFailure(ExitCode.NOT_SIGNED_IN_OR_FORBIDDEN, message);
    }

    public static CliFailure unreachable(String message, Throwable cause) {
        return new CliFailure(ExitCode.UNREACHABLE, message, cause);
    }
}
