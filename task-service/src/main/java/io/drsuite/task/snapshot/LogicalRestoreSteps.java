package io.drsuite.task.snapshot;

import static io.drsuite.events.task.SnapshotTasks.KEEP_OWNERSHIP;
import static io.drsuite.events.task.SnapshotTasks.REPLACE;
import static io.drsuite.events.task.SnapshotTasks.TABLES;
import static io.drsuite.events.task.SnapshotTasks.TARGET_CLUSTER;
import static io.drsuite.events.task.SnapshotTasks.TARGET_DATABASE;

import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.host.CommandResult;
import io.drsuite.clusterclient.host.QualifiedName;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.events.task.SnapshotTasks;
import io.drsuite.storage.Sha256;
import io.drsuite.task.dr.ManagedCluster;
import io.drsuite.task.dr.ManagedClusters;
import io.drsuite.task.dr.ManagedNode;
import io.drsuite.task.engine.StepContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * Restores a logical snapshot with pg_restore, in one of two ways:
 * <ul>
 * <li>into a database of its own: restored under a name of this task's ({@code drsuite_restore_<task id>}) and
 * given the target name only once complete. An existing database of the target name is replaced only with
 * {@code replace}, and only then: it is closed to new sessions, its sessions are ended and it is renamed to
 * {@code drsuite_replaced_<task id>}, the restored database takes its name, and the replaced one is dropped last. A
 * failure before the swap drops the restored database and never touches the original; a failure during it renames
 * the original back;</li>
 * <li>over named tables of an existing database ({@code replace} required): in one transaction their rows are
 * truncated and the snapshot's rows copied in, keeping the tables' definitions, indexes, constraints and grants.
 * Sequences keep their current position (they only move forward, so new rows cannot collide).</li>
 * </ul>
 * The names used on the cluster carry the task id, so one found there was made by this task; a rerun of a step
 * after a crash goes by them and by the artifacts recorded before each change.
 */
@ApplicationScoped
public class LogicalRestoreSteps {

    /** Artifact: the database the snapshot is restored into before it takes the target's name. */
    private static final String RESTORE_DATABASE = "restoreDatabase";
    /** Artifact: the name the replaced database was given, recorded before it is renamed. */
    private static final String REPLACED_DATABASE = "replacedDatabase";
    /** Artifact: whether the replaced database allowed connections, to open it again if it is put back. */
    private static final String REPLACED_ALLOWED_CONNECTIONS = "replacedAllowedConnections";

    private final ManagedClusters clusters;
    private final StoredSnapshots stored;

    LogicalRestoreSteps(ManagedClusters clusters, StoredSnapshots stored) {
        this.clusters = clusters;
        this.stored = stored;
    }

    /** Reads the whole object: its checksum must match and, for a table restore, it must hold every table's data. */
    public void checkSnapshot(StepContext context) throws IOException {
        List<QualifiedName> tables = tables(context);
        if (tables.isEmpty()) {
            stored.checkIntact(context);
            return;
        }
        ManagedNode target = target(context).main();
        ByteArrayOutputStream listing = new ByteArrayOutputStream();
        try (Sha256 object = stored.read(context)) {
            CommandResult list = ClientPrograms.run(target.tools().listArchive(), object, listing,
                    context.remaining(), null);
            String mismatch = StoredSnapshots.mismatch(context, object.drain());
            if (mismatch != null) {
                throw new IllegalStateException(mismatch + "; the snapshot is corrupt and cannot be restored");
            }
            list.orThrow();
        }
        Set<String> withData = listing.toString(StandardCharsets.UTF_8).lines()
                .map(line -> line.split(" "))
                .filter(words -> words.length >= 7 && "TABLE".equals(words[3]) && "DATA".equals(words[4]))
                .map(words -> words[5] + "." + words[6])
                .collect(Collectors.toSet());
        for (QualifiedName table : tables) {
            if (!withData.contains(table.toString())) {
                throw new IllegalStateException("the snapshot holds no data of table " + table);
            }
        }
        context.log("stored object matches its SHA-256 and holds the data of " + tables.size() + " tables");
    }

    /**
     * Tables: they must exist. A database of its own: an existing one of the target name is refused without
     * replace; the database to restore into is created under this task's name (a leftover of an interrupted run of
     * this task is dropped first: nothing else has that name).
     */
    public void prepareTarget(StepContext context) throws SQLException {
        ManagedCluster cluster = target(context);
        String database = context.parameter(TARGET_DATABASE);
        List<QualifiedName> tables = tables(context);
        if (!tables.isEmpty()) {
            try (NodeSession session = clusters.connector().open(cluster.main().endpoint(), cluster.admin(),
                    database)) {
                for (QualifiedName table : tables) {
                    if (!session.tableExists(table.schema(), table.name())) {
                        throw new IllegalStateException("table " + table + " does not exist in database " + database
                                + " of " + cluster + "; restore the snapshot to a new database instead");
                    }
                }
            }
            return;
        }
        try (NodeSession session = open(cluster)) {
            if (session.databaseExists(database) && !replace(context)) {
                throw new IllegalStateException("database " + database + " exists on " + cluster
                        + "; restore with replace to drop and replace it");
            }
            String restoring = taskDatabase("drsuite_restore_", context);
            context.recordNow(RESTORE_DATABASE, restoring);
            session.dropDatabase(restoring);
            session.createDatabase(restoring);
            context.log("created database " + restoring + " on " + cluster + " to restore into; it takes the name "
                    + database + " only once the restore is complete");
        }
    }

    public void restore(StepContext context) throws IOException {
        if (tables(context).isEmpty()) {
            restoreDatabase(context);
        } else {
            replaceTables(context);
        }
    }

    /**
     * Gives the restored database the target name. An existing database of that name (allowed with replace only)
     * is first closed to new sessions, its sessions are ended and it is renamed to this task's replaced name; both
     * the new name and its earlier state are recorded before. A rerun finds the restored database renamed already
     * and stops there.
     */
    public void swapInRestoredDatabase(StepContext context) throws SQLException {
        if (!tables(context).isEmpty()) {
            return;
        }
        ManagedCluster cluster = target(context);
        String database = context.parameter(TARGET_DATABASE);
        String restored = restoredDatabase(context);
        try (NodeSession session = open(cluster)) {
            if (!session.databaseExists(restored)) {
                if (!session.databaseExists(database)) {
                    throw new IllegalStateException("neither the restored database " + restored + " nor " + database
                            + " exists on " + cluster);
                }
                context.log("database " + restored + " took the name " + database + " in an earlier run");
                return;
            }
            if (session.databaseExists(database)) {
                moveReplacedAside(context, session, cluster, database);
            }
            session.renameDatabase(restored, database);
            context.log("the restored database is now " + database + " on " + cluster);
        }
    }

    /** Drops the database the restored one replaced, once the restored one has its name. */
    public void dropReplacedDatabase(StepContext context) throws SQLException {
        Optional<String> replaced = context.artifact(REPLACED_DATABASE);
        if (replaced.isEmpty()) {
            return;
        }
        ManagedCluster cluster = target(context);
        try (NodeSession session = open(cluster)) {
            session.dropDatabase(replaced.get());
        }
        context.log("dropped " + replaced.get() + ", the database " + context.parameter(TARGET_DATABASE)
                + " was before the restore");
    }

    /**
     * Puts the replaced database back under its name if this task had renamed it, and drops the database this task
     * restored into: a failed restore leaves the target as it was and nothing half restored behind.
     */
    public void rollback(StepContext context) throws SQLException {
        Optional<String> restoring = context.artifact(RESTORE_DATABASE);
        if (restoring.isEmpty()) {
            return;
        }
        ManagedCluster cluster = target(context);
        String database = context.parameter(TARGET_DATABASE);
        try (NodeSession session = open(cluster)) {
            Optional<String> replaced = context.artifact(REPLACED_DATABASE);
            if (replaced.isPresent()) {
                if (session.databaseExists(replaced.get())) {
                    if (session.databaseExists(database)) {
                        if (session.databaseExists(restoring.get())) {
                            throw new IllegalStateException("database " + database + " was created on " + cluster
                                    + " while the original was renamed to " + replaced.get()
                                    + "; rename them by hand");
                        }
                        session.renameDatabase(database, restoring.get());
                    }
                    session.renameDatabase(replaced.get(), database);
                    context.log("put the original database " + database + " back");
                }
                // The original was closed to new sessions before it was renamed (or was about to be).
                if (session.databaseExists(database)) {
                    session.allowConnections(database, Boolean.parseBoolean(
                            context.artifact(REPLACED_ALLOWED_CONNECTIONS).orElse("true")));
                }
            }
            session.dropDatabase(restoring.get());
        }
        context.log("dropped the partly restored database " + restoring.get());
    }

    private void moveReplacedAside(StepContext context, NodeSession session, ManagedCluster cluster,
            String database) throws SQLException {
        if (!replace(context)) {
            throw new IllegalStateException("database " + database + " was created on " + cluster
                    + " during the restore; restore with replace to replace it");
        }
        String replaced = taskDatabase("drsuite_replaced_", context);
        if (session.databaseExists(replaced)) {
            throw new IllegalStateException("database " + database + " was created on " + cluster + " after this "
                    + "restore renamed the original to " + replaced + "; rename them by hand");
        }
        if (context.artifact(REPLACED_ALLOWED_CONNECTIONS).isEmpty()) {
            context.recordNow(REPLACED_ALLOWED_CONNECTIONS,
                    String.valueOf(session.allowsConnections(database).orElse(true)));
        }
        context.recordNow(REPLACED_DATABASE, replaced);
        session.allowConnections(database, false);
        session.renameDatabase(database, replaced);
        context.log("closed " + database + " on " + cluster + " to new sessions, ended its sessions and renamed it "
                + replaced);
    }

    private void restoreDatabase(StepContext context) throws IOException {
        ManagedCluster cluster = target(context);
        boolean keepOwnership = Boolean.parseBoolean(context.parameters().get(KEEP_OWNERSHIP));
        restoreInto(context, cluster.main(), cluster.admin(), restoredDatabase(context), keepOwnership);
        context.log("restored into database " + restoredDatabase(context) + " of " + cluster
                + (keepOwnership ? " with owners and privileges" : " owned by " + cluster.admin().username()));
    }

    /**
     * Restores the stored snapshot with pg_restore into {@code database}, which exists, on {@code node} as
     * {@code login}; fails when pg_restore does or the object read is not what was written.
     */
    public void restoreInto(StepContext context, ManagedNode node, Login login, String database,
            boolean keepOwnership) throws IOException {
        try (Sha256 object = stored.read(context)) {
            CommandResult result = ClientPrograms.run(node.tools().restore(node.endpoint(), login.username(),
                    database, keepOwnership), node.endpoint(), login, object, null, context.remaining(), null);
            String mismatch = StoredSnapshots.mismatch(context, object.drain());
            if (mismatch != null) {
                throw new IllegalStateException(mismatch);
            }
            result.orThrow();
        }
    }

    /**
     * One psql session runs BEGIN, TRUNCATE of every named table, the tables' rows as pg_restore writes them (one
     * pass over the snapshot per schema), and COMMIT only when every pass succeeded and the snapshot's checksum
     * matched: a failure anywhere ends the script without COMMIT, psql disconnects at the end of its input (it runs
     * without {@code --single-transaction}, which would COMMIT there), the server rolls the transaction back and
     * the tables keep their rows. The same holds when this service dies mid-way: the pipe closes without COMMIT.
     */
    private void replaceTables(StepContext context) throws IOException {
        ManagedCluster cluster = target(context);
        ManagedNode node = cluster.main();
        List<QualifiedName> tables = tables(context);
        // An OS-level pipe: unlike java.io's piped streams it does not break when the writing thread changes.
        Pipe pipe = Pipe.open();
        InputStream script = Channels.newInputStream(pipe.source());
        OutputStream writer = Channels.newOutputStream(pipe.sink());
        CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> writeScript(context, node, tables, writer),
                task -> Thread.ofVirtual().start(task));
        CommandResult psql = ClientPrograms.run(node.tools().runScript(node.endpoint(), cluster.admin().username(),
                context.parameter(TARGET_DATABASE)), node.endpoint(), cluster.admin(), script, null,
                context.remaining(), null);
        script.close();
        try {
            producer.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("could not read the snapshot's rows: " + e.getCause().getMessage(),
                    e.getCause());
        }
        psql.orThrow();
        context.log("replaced the rows of " + tables.stream().map(QualifiedName::toString)
                .collect(Collectors.joining(", ")) + " in " + context.parameter(TARGET_DATABASE) + " of " + cluster);
    }

    private void writeScript(StepContext context, ManagedNode node, List<QualifiedName> tables, OutputStream writer) {
        try (writer) {
            writer.write(("BEGIN;\nTRUNCATE TABLE " + tables.stream().map(QualifiedName::asIdentifier)
                    .collect(Collectors.joining(", ")) + ";\n").getBytes(StandardCharsets.UTF_8));
            Map<String, List<String>> bySchema = new LinkedHashMap<>();
            tables.forEach(table -> bySchema.computeIfAbsent(table.schema(), schema -> new ArrayList<>())
                    .add(table.name()));
            for (Map.Entry<String, List<String>> schema : bySchema.entrySet()) {
                try (Sha256 object = stored.read(context)) {
                    ClientPrograms.run(node.tools().tableDataScript(schema.getKey(), schema.getValue()), object,
                            writer, context.remaining(), null).orThrow();
                    String mismatch = StoredSnapshots.mismatch(context, object.drain());
                    if (mismatch != null) {
                        throw new IllegalStateException(mismatch);
                    }
                }
            }
            writer.write("COMMIT;\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ManagedCluster target(StepContext context) {
        return clusters.load(context.parameter(TARGET_CLUSTER));
    }

    private NodeSession open(ManagedCluster cluster) throws SQLException {
        return clusters.connector().open(cluster.main().endpoint(), cluster.admin());
    }

    private static String restoredDatabase(StepContext context) {
        return context.artifact(RESTORE_DATABASE).orElseThrow(
                () -> new IllegalStateException("no database was created to restore into"));
    }

    /** A database name of this task's own: a prefix and the task id (48 or 49 characters, within the 63 allowed). */
    private static String taskDatabase(String prefix, StepContext context) {
        return prefix + context.taskId().toString().replace("-", "");
    }

    private static boolean replace(StepContext context) {
        return Boolean.parseBoolean(context.parameters().get(REPLACE));
    }

    private static List<QualifiedName> tables(StepContext context) {
        return SnapshotTasks.splitTables(context.parameters().get(TABLES)).stream().map(QualifiedName::parse).toList();
    }
}
