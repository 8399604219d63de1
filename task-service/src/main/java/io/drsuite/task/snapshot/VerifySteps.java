package io.drsuite.task.snapshot;

import static io.drsuite.events.task.SnapshotTasks.KIND;
import static io.drsuite.events.task.SnapshotTasks.MAJOR_VERSION;
import static io.drsuite.events.task.SnapshotTasks.VERDICT;
import static io.drsuite.events.task.SnapshotTasks.VERDICT_DETAIL;

import io.drsuite.clusterclient.ClusterClients;
import io.drsuite.clusterclient.host.CommandResult;
import io.drsuite.clusterclient.host.PostgresTools;
import io.drsuite.events.snapshot.SnapshotKind;
import io.drsuite.events.task.VerifyVerdict;
import io.drsuite.storage.Sha256;
import io.drsuite.task.config.SnapshotConfig;
import io.drsuite.task.engine.StepContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Re-reads a stored snapshot once: the bytes go through SHA-256 and, at the same time, into {@code tar} (physical:
 * unpacked for pg_verifybackup, which checks every file against the backup manifest and parses the WAL) or
 * {@code pg_restore --list} (logical: the archive's table of contents must read). The verdict is an artifact; a
 * corrupt snapshot is a finding, not a failed task.
 */
@ApplicationScoped
public class VerifySteps {

    private final StoredSnapshots stored;
    private final SnapshotConfig config;
    private final ClusterClients clients;

    VerifySteps(StoredSnapshots stored, SnapshotConfig config, ClusterClients clients) {
        this.stored = stored;
        this.config = config;
        this.clients = clients;
    }

    public void verify(StepContext context) throws IOException {
        PostgresTools tools = clients.tools(Integer.parseInt(context.parameter(MAJOR_VERSION)));
        String problem = SnapshotKind.fromWire(context.parameter(KIND)) == SnapshotKind.PHYSICAL
                ? physical(context, tools) : logical(context, tools);
        context.record(VERDICT, (problem == null ? VerifyVerdict.OK : VerifyVerdict.CORRUPT).wireName());
        context.record(VERDICT_DETAIL, problem == null ? "SHA-256 matches; contents check passed" : problem);
        context.log(problem == null ? "snapshot verified" : "snapshot is corrupt: " + problem);
    }

    private String physical(StepContext context, PostgresTools tools) throws IOException {
        Path unpacked = Path.of(config.workDirectory(), context.taskId().toString());
        removeTree(unpacked);
        Files.createDirectories(unpacked);
        try (Sha256 object = stored.read(context)) {
            CommandResult tar = ClientPrograms.run(List.of("tar", "-x", "-z", "-f", "-", "-C", unpacked.toString()),
                    object, null, context.remaining(), null);
            String mismatch = StoredSnapshots.mismatch(context, object.drain());
            if (mismatch != null) {
                return mismatch;
            }
            if (!tar.succeeded()) {
                return "the backup does not unpack: " + tail(tar.stderr());
            }
            CommandResult check = ClientPrograms.run(tools.verifyBackup(unpacked.toString()), null, null,
                    context.remaining(), null);
            return check.succeeded() ? null : "pg_verifybackup: " + tail(check.stderr());
        } finally {
            removeTree(unpacked);
        }
    }

    private String logical(StepContext context, PostgresTools tools) throws IOException {
        try (Sha256 object = stored.read(context)) {
            CommandResult list = ClientPrograms.run(tools.listArchive(), object, null, context.remaining(), null);
            String mismatch = StoredSnapshots.mismatch(context, object.drain());
            if (mismatch != null) {
                return mismatch;
            }
            return list.succeeded() ? null : "pg_restore --list: " + tail(list.stderr());
        }
    }

    private static String tail(String text) {
        String trimmed = text.strip();
        return trimmed.length() <= 500 ? trimmed : "..." + trimmed.substring(trimmed.length() - 500);
    }

    private static void removeTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
