package io.drsuite.clusterclient.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a client program (pg_basebackup, pg_dump, pg_restore, psql, pg_verifybackup, tar) on the service's own host,
 * as the service's user, with its standard output streamed to a sink and its standard input streamed from a source,
 * so a backup never has to fit in memory or on local disk.
 *
 * @param environment extra environment variables, e.g. {@code PGPASSFILE}; never on the command line
 * @param workingDirectory where it runs
 */
public record LocalProgram(List<String> command, Map<String, String> environment, Path workingDirectory) {

    private static final int BUFFER = 1 << 20;

    public LocalProgram {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    /**
     * Runs the program to its end.
     *
     * @param input standard input, read until the program closes it or it ends (not closed here); null for none.
     *        A failure to read it ends the program's input early: callers check what was read, e.g. its checksum
     * @param output receives standard output; null to discard it. A sink that fails stops the program and the
     *        failure is thrown.
     * @param errorLines each line of standard error as it is written; may be null
     * @return the exit code and the tail of standard error (standard output went to the sink)
     */
    public CommandResult run(InputStream input, OutputStream output, Duration timeout, Consumer<String> errorLines) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().putAll(environment);
        if (input == null) {
            builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        }
        if (output == null) {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new HostUnreachableException("could not start " + command.getFirst(), e);
        }
        OutputCollector errors = new OutputCollector(errorLines);
        CompletableFuture<Void> stderr = CompletableFuture.runAsync(() -> errors.drain(process.getErrorStream()),
                Thread::startVirtualThread);
        CompletableFuture<Void> stdout = output == null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> copy(process.getInputStream(), output), Thread::startVirtualThread);
        CompletableFuture<Void> stdin = input == null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> feed(input, process.getOutputStream()), Thread::startVirtualThread);
        stdout.whenComplete((ignored, failure) -> {
            if (failure != null) {
                kill(process);
            }
        });
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                process.waitFor();
                return new CommandResult(command, 124, "", errors.text() + "\ntimed out after " + timeout.toSeconds()
                        + " s");
            }
            awaitSink(stdout);
            stderr.join();
            // The feeder stops at its next write once the program is gone; wait for it, so the caller may read
            // the rest of the input (e.g. to finish a checksum) without racing it.
            stdin.join();
            return new CommandResult(command, process.exitValue(), "", errors.text());
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new HostUnreachableException("interrupted while running " + command.getFirst(), e);
        }
    }

    private static void awaitSink(CompletableFuture<Void> stdout) {
        try {
            stdout.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io;
            }
            throw e;
        }
    }

    private static void copy(InputStream from, OutputStream to) {
        byte[] buffer = new byte[BUFFER];
        try (from) {
            int read;
            while ((read = from.read(buffer)) >= 0) {
                to.write(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not pass on the output of the program", e);
        }
    }

    private static void feed(InputStream from, OutputStream to) {
        byte[] buffer = new byte[BUFFER];
        try (to) {
            int read;
            while ((read = from.read(buffer)) >= 0) {
                to.write(buffer, 0, read);
            }
        } catch (IOException e) {
            // the program closed its input early or ended; its exit code tells the rest
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
