package io.drsuite.clusterclient.host;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs programs on a node's host as the OS user owning its data directory. Commands are argument vectors; no
 * implementation hands user input to a shell unquoted.
 */
public interface HostExecutor {

    /**
     * Runs a command and waits for it.
     *
     * @param command program and arguments
     * @param stdin bytes to feed the command's standard input, or null
     * @param timeout how long it may take; it is killed after that
     * @param outputLines receives each line (split on newline or carriage return) of standard error as it is
     *        written, for progress reporting; may be null
     */
    default CommandResult run(List<String> command, byte[] stdin, Duration timeout, Consumer<String> outputLines) {
        return runFeeding(command, stdin == null ? null : new ByteArrayInputStream(stdin), timeout, outputLines);
    }

    /**
     * Runs a command fed from a stream, e.g. a backup streamed from storage into {@code tar}. The stream is read
     * to its end or until the command closes its input, and closed.
     *
     * @param input what the command reads on standard input, or null for nothing
     */
    CommandResult runFeeding(List<String> command, InputStream input, Duration timeout,
            Consumer<String> outputLines);

    default CommandResult run(List<String> command, Duration timeout) {
        return run(command, null, timeout, null);
    }

    /** Where and as whom commands run, for logs and errors. */
    String describe();
}
