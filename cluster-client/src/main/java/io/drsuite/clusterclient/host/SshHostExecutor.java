package io.drsuite.clusterclient.host;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Runs commands on a node's host over SSH with a private key from the suite's key store, checking the host key
 * against a known-hosts file (no trust on first use). When the SSH login differs from the node's OS user, commands
 * run through {@code sudo -n -u <osUser>}.
 */
public final class SshHostExecutor implements HostExecutor {

    private final SshTarget target;

    public SshHostExecutor(SshTarget target) {
        this.target = target;
    }

    /**
     * Where and how to log in.
     *
     * @param privateKey the key file named by the node's {@code sshKeyRef}
     * @param knownHosts known-hosts file that must list the host's key
     * @param osUser the user owning the data directory, or null to run as {@code user}
     */
    public record SshTarget(String host, int port, String user, Path privateKey, Path knownHosts, String osUser,
            Duration connectTimeout) {
    }

    @Override
    public CommandResult runFeeding(List<String> command, InputStream stdin, Duration timeout,
            Consumer<String> outputLines) {
        Session session = connect();
        try {
            ChannelExec channel = (ChannelExec) session.openChannel("exec");
            channel.setCommand(ShellQuoting.commandLine(asOsUser(command)));
            OutputCollector out = new OutputCollector(null);
            OutputCollector err = new OutputCollector(outputLines);
            var stdoutStream = channel.getInputStream();
            var stderrStream = channel.getErrStream();
            OutputStream stdinStream = channel.getOutputStream();
            channel.connect((int) target.connectTimeout().toMillis());
            long deadline = System.nanoTime() + timeout.toNanos();
            CompletableFuture<Void> stdout = CompletableFuture.runAsync(() -> out.drain(stdoutStream),
                    Thread::startVirtualThread);
            CompletableFuture<Void> stderr = CompletableFuture.runAsync(() -> err.drain(stderrStream),
                    Thread::startVirtualThread);
            // Fed from another thread: a command that does not read its input must not stall us past the timeout.
            CompletableFuture<Void> input = CompletableFuture.runAsync(() -> feed(stdinStream, stdin),
                    Thread::startVirtualThread);
            while (!channel.isClosed()) {
                if (System.nanoTime() > deadline) {
                    kill(channel);
                    return new CommandResult(command, 124, out.text(),
                            err.text() + "\ntimed out after " + timeout.toSeconds() + " s");
                }
                Thread.sleep(20);
            }
            stdout.join();
            stderr.join();
            // The feeder stops at its next write once the channel is closed; the caller may read on after it.
            input.join();
            return new CommandResult(command, exitCode(channel), out.text(), err.text());
        } catch (JSchException | IOException e) {
            throw new HostUnreachableException("SSH to " + describe() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostUnreachableException("interrupted while running " + command.getFirst(), e);
        } finally {
            session.disconnect();
        }
    }

    private static void feed(OutputStream input, InputStream stdin) {
        try (input; stdin) {
            if (stdin != null) {
                stdin.transferTo(input);
            }
        } catch (IOException e) {
            // the command closed its input early or ended; its exit code tells the rest
        }
    }

    /**
     * Kills the remote command. Closing the channel alone leaves it running on the host (without a terminal nothing
     * hangs it up), so first ask sshd to send SIGKILL to its process group (OpenSSH 7.9 and later do), then wait a
     * moment for the channel to close before dropping it.
     */
    private static void kill(ChannelExec channel) throws InterruptedException {
        try {
            channel.sendSignal("KILL");
            long grace = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (!channel.isClosed() && System.nanoTime() < grace) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            // the server does not deliver signals or the connection is gone; disconnecting is all that is left
        }
        channel.disconnect();
    }

    /**
     * The remote exit code; for a command killed by a signal (sshd reports the signal instead of a code) 128 plus
     * its number, as a shell and the local executor report it.
     */
    private static int exitCode(ChannelExec channel) {
        int status = channel.getExitStatus();
        String signal = channel.getExitSignal();
        if (status != -1 || signal == null) {
            return status;
        }
        return 128 + switch (signal) {
            case "HUP" -> 1;
            case "INT" -> 2;
            case "QUIT" -> 3;
            case "ILL" -> 4;
            case "ABRT" -> 6;
            case "FPE" -> 8;
            case "KILL" -> 9;
            case "USR1" -> 10;
            case "SEGV" -> 11;
            case "USR2" -> 12;
            case "PIPE" -> 13;
            case "ALRM" -> 14;
            case "TERM" -> 15;
            default -> 127;
        };
    }

    private Session connect() {
        try {
            JSch jsch = new JSch();
            jsch.addIdentity(target.privateKey().toString());
            jsch.setKnownHosts(target.knownHosts().toString());
            Session session = jsch.getSession(target.user(), target.host(), target.port());
            session.setConfig("StrictHostKeyChecking", "yes");
            session.connect((int) target.connectTimeout().toMillis());
            return session;
        } catch (JSchException e) {
            throw new HostUnreachableException("SSH to " + describe() + " failed: " + e.getMessage(), e);
        }
    }

    private List<String> asOsUser(List<String> command) {
        if (target.osUser() == null || target.osUser().equals(target.user())) {
            return command;
        }
        List<String> argv = new ArrayList<>(List.of("sudo", "-n", "-u", target.osUser(), "--"));
        argv.addAll(command);
        return argv;
    }

    @Override
    public String describe() {
        return target.user() + "@" + target.host() + ":" + target.port();
    }
}
