package io.drsuite.clusterclient.host;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs commands on this host as the node's OS user: directly when the service already is that user, through
 * {@code runuser} when the service runs as root (PostgreSQL refuses to run as root, so its tools must not either).
 */
public final class LocalHostExecutor implements HostExecutor {

    private static final String CURRENT_USER = System.getProperty("user.name");

    private final String osUser;

    public LocalHostExecutor(String osUser) {
        this.osUser = osUser;
    }

    @Override
    public CommandResult runFeeding(List<String> command, InputStream stdin, Duration timeout,
            Consumer<String> outputLines) {
        List<String> argv = asOsUser(command);
        Process process;
        try {
            process = new ProcessBuilder(argv).directory(new File("/")).start();
        } catch (IOException e) {
            throw new HostUnreachableException("could not start " + command.getFirst() + " on this host", e);
        }
        OutputCollector out = new OutputCollector(null);
        OutputCollector err = new OutputCollector(outputLines);
        CompletableFuture<Void> stdout = CompletableFuture.runAsync(() -> out.drain(process.getInputStream()),
                Thread::startVirtualThread);
        CompletableFuture<Void> stderr = CompletableFuture.runAsync(() -> err.drain(process.getErrorStream()),
                Thread::startVirtualThread);
        // Fed from another thread: a command that does not read its input must not stall us past the timeout.
        CompletableFuture<Void> input = CompletableFuture.runAsync(() -> feed(process.getOutputStream(), stdin),
                Thread::startVirtualThread);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                process.waitFor();
                stdout.join();
                stderr.join();
                return new CommandResult(command, 124, out.text(),
                        err.text() + "\ntimed out after " + timeout.toSeconds() + " s");
            }
            stdout.join();
            stderr.join();
            // The feeder stops at its next write once the command is gone; the caller may read on after it.
            input.join();
            return new CommandResult(command, process.exitValue(), out.text(), err.text());
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new HostUnreachableException("interrupted while running " + command.getFirst(), e);
        }
    }

    private static void feed(OutputStream input, InputStream stdin) {
        try (input; stdin) {
            if (stdin != null) {
                stdin.transferTo(input);
            }
        } catch (IOException e) {
            // the command closed its input early or was killed; its exit code tells the rest
        }
    }

    /**
     * Kills the command with everything it started. Killing only the process we started is not enough: as root that
     * is {@code runuser}, whose child (the actual command) would live on, orphaned, holding the output pipes open.
     * Descendants go first, deepest first ({@code descendants()} lists them level by level), so none is signalled
     * while it is being handed to a new parent (a signal sent then was seen to get lost).
     */
    private static void kill(Process process) {
        process.descendants().toList().reversed().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private List<String> asOsUser(List<String> command) {
        if (osUser == null || osUser.equals(CURRENT_USER)) {
            return command;
        }
        if (!"root".equals(CURRENT_USER)) {
            throw new HostUnreachableException("this service runs as " + CURRENT_USER + " and cannot run commands as "
                    + osUser + "; run it as " + osUser + " or as root", null);
        }
        List<String> argv = new ArrayList<>(List.of("runuser", "-u", osUser, "--"));
        argv.addAll(command);
        return argv;
    }

    @Override
    public String describe() {
        return "local host as " + (osUser == null ? CURRENT_USER : osUser);
    }
}
