package io.drsuite.task.snapshot;

import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.NodeEndpoint;
import io.drsuite.clusterclient.host.CommandResult;
import io.drsuite.clusterclient.host.LocalProgram;
import io.drsuite.clusterclient.host.PassFile;
import io.drsuite.task.engine.TaskLease;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs PostgreSQL client programs on task-service's own host against a cluster over the network. The password goes
 * into a password file only this service's user can read, named in {@code PGPASSFILE}, removed when the program
 * ends; it is never on a command line or in the environment.
 */
public final class ClientPrograms {

    private static final Path WORKING_DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"));

    private ClientPrograms() {
    }

    /**
     * Runs a program that connects to {@code endpoint} as {@code login}.
     *
     * @param input standard input or null; output standard output or null to discard it
     */
    public static CommandResult run(List<String> command, NodeEndpoint endpoint, Login login, InputStream input,
            OutputStream output, Duration timeout, Consumer<String> errorLines) {
        TaskLease.checkRunning();
        Path passFile = writePassFile(endpoint, login);
        try {
            return new LocalProgram(command, Map.of("PGPASSFILE", passFile.toString()), WORKING_DIRECTORY)
                    .run(input, output, timeout, errorLines);
        } finally {
            try {
                Files.deleteIfExists(passFile);
            } catch (IOException e) {
                // a temporary file readable only by this user; the next start of the JVM's tmp cleaner takes it
            }
        }
    }

    /** A program that connects to no server (tar, pg_verifybackup, pg_restore writing a script or a list). */
    public static CommandResult run(List<String> command, InputStream input, OutputStream output, Duration timeout,
            Consumer<String> errorLines) {
        TaskLease.checkRunning();
        return new LocalProgram(command, Map.of(), WORKING_DIRECTORY).run(input, output, timeout, errorLines);
    }

    private static Path writePassFile(NodeEndpoint endpoint, Login login) {
        try {
            Path file = Files.createTempFile("drsuite-pgpass", "",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, PassFile.line(endpoint, login), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a password file for " + endpoint, e);
        }
    }
}
