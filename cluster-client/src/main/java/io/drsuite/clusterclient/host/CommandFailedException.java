package io.drsuite.clusterclient.host;

/** A command on a node's host exited with a non-zero code. */
public class CommandFailedException extends RuntimeException {

    private final transient CommandResult result;

    public CommandFailedException(CommandResult result) {
        super(result.summary() + " exited with " + result.exitCode() + ": " + lastLine(result.stderr()));
        this.result = result;
    }

    public CommandResult result() {
        return result;
    }

    private static String lastLine(String text) {
        String trimmed = text == null ? "" : text.strip();
        int newline = trimmed.lastIndexOf('\n');
        return newline >= 0 ? trimmed.substring(newline + 1) : trimmed;
    }
}
