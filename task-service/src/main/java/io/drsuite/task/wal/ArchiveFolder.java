package io.drsuite.task.wal;

import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.NodeEndpoint;
import io.drsuite.clusterclient.host.PassFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * One archive's folder on task-service's host: {@code wal/}, where pg_receivewal writes, the pid of the
 * pg_receivewal running for it (so a restarted service finds and stops one it left behind) and, while it runs, the
 * password file it connects with. Only this service's user can read it.
 */
final class ArchiveFolder {

    private static final String WAL = "wal";
    private static final String PID_FILE = "pg_receivewal.pid";
    private static final String PASS_FILE = "pgpass";
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Path root;

    private ArchiveFolder(Path root) {
        this.root = root;
    }

    static ArchiveFolder of(String stagingDirectory, UUID archiveId) {
        return new ArchiveFolder(Path.of(stagingDirectory).toAbsolutePath().normalize().resolve(archiveId.toString()));
    }

    /** Creates the folder when missing, readable by this service's user only. */
    ArchiveFolder create() throws IOException {
        for (Path folder : List.of(root, walDirectory())) {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder.getParent());
                Files.createDirectory(folder,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        }
        return this;
    }

    Path walDirectory() {
        return root.resolve(WAL);
    }

    /** The WAL files in the folder; others (a history file being written) are left out. */
    List<WalFile> walFiles() throws IOException {
        try (Stream<Path> files = Files.list(walDirectory())) {
            return files.map(path -> WalFile.parse(path.getFileName().toString())).flatMap(Optional::stream)
                    .toList();
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    /** A segment file's size, which is the WAL segment size (partial ones are padded to it); 0 without one. */
    long segmentBytesOnDisk() throws IOException {
        for (WalFile file : walFiles()) {
            if (file.kind() != WalFile.Kind.HISTORY) {
                return Files.size(file(file));
            }
        }
        return 0;
    }

    Path file(WalFile file) {
        return walDirectory().resolve(file.name());
    }

    /** A password file for the node, readable by this service's user only, named in pg_receivewal's PGPASSFILE. */
    Path writePassFile(NodeEndpoint node, Login login) throws IOException {
        Path file = root.resolve(PASS_FILE);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, PassFile.line(node, login), StandardCharsets.UTF_8);
        return file;
    }

    void recordPid(long pid) throws IOException {
        Files.writeString(root.resolve(PID_FILE), Long.toString(pid), StandardCharsets.US_ASCII);
    }

    /** pg_receivewal ended: its pid and password file go. */
    void forgetProcess() {
        try {
            Files.deleteIfExists(root.resolve(PID_FILE));
            Files.deleteIfExists(root.resolve(PASS_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("could not clean up " + root, e);
        }
    }

    /**
     * Stops a pg_receivewal this folder's pid file names, if that process still runs and really is pg_receivewal
     * writing into this folder (a pid is reused by other processes once its own has ended). Returns its pid when it
     * stopped one.
     */
    Optional<Long> stopLeftBehind() throws IOException {
        Path pidFile = root.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim());
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(handle -> writesHere(pid));
        process.ifPresent(ArchiveFolder::stop);
        forgetProcess();
        return process.map(ProcessHandle::pid);
    }

    /** Removes the folder and everything in it (the archive was stopped). */
    void delete() throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private boolean writesHere(long pid) {
        try {
            String[] argv = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8).split("\0");
            return argv.length > 0 && Path.of(argv[0]).getFileName().toString().equals("pg_receivewal")
                    && Arrays.asList(argv).contains("--directory=" + walDirectory());
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGTERM, then SIGKILL when it has not ended within the grace period. */
    static void stop(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
