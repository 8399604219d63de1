package io.drsuite.task.snapshot;

import static io.drsuite.events.task.SnapshotTasks.KEEP_OWNERSHIP;
import static io.drsuite.events.task.SnapshotTasks.REPLACE;
import static io.drsuite.events.task.SnapshotTasks.TABLES;
import static io.drsuite.events.task.SnapshotTasks.TARGET_CLUSTER;
import static io.drsuite.events.task.SnapshotTasks.TARGET_DATABASE;

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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * Restores a logical snapshot with pg_restore, in one of two ways:
 * <ul>
 * <li>into a database of its own (the default: a new name, so nothing existing is touched; an existing database is
 * dropped and recreated only with {@code replace});</li>
 * <li>over named tables of an existing database ({@code replace} required): in one transaction their rows are
 * truncated and the snapshot's rows copied in, keeping the tables' definitions, indexes, constraints and grants.
 * Sequences keep their current position (they only move forward, so new rows cannot collide).</li>
 * </ul>
 */
@ApplicationScoped
public class LogicalRestoreSteps {

    private static final String CREATED_DATABASE = "createdDatabase";

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

    /** A database of its own: created (dropped first only with replace). Tables: they must exist. */
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
        try (NodeSession session = clusters.connector().open(cluster.main().endpoint(), cluster.admin())) {
            if (session.databaseExists(database)) {
                boolean leftByEarlierRun = context.artifact(CREATED_DATABASE).isPresent();
                if (!leftByEarlierRun && !Boolean.parseBoolean(context.parameters().get(REPLACE))) {
                    throw new IllegalStateException("database " + database + " exists on " + cluster
                            + "; restore with replace to drop and replace it");
                }
                session.dropDatabase(database);
                context.log("dropped database " + database + " on " + cluster);
            }
            session.createDatabase(database);
            context.recordNow(CREATED_DATABASE, database);
            context.log("created database " + database + " on " + cluster);
        }
    }

    public void restore(StepContext context) throws IOException {
        if (tables(context).isEmpty()) {
            restoreDatabase(context);
        } else {
            replaceTables(context);
        }
    }

    /** Drops the database this task created, so a failed restore leaves nothing half restored behind. */
    public void rollback(StepContext context) throws SQLException {
        if (context.artifact(CREATED_DATABASE).isEmpty()) {
            return;
        }
        ManagedCluster cluster = target(context);
        try (NodeSession session = clusters.connector().open(cluster.main().endpoint(), cluster.admin())) {
            session.dropDatabase(context.parameter(TARGET_DATABASE));
        }
        context.log("dropped the partly restored database " + context.parameter(TARGET_DATABASE));
    }

    private void restoreDatabase(StepContext context) throws IOException {
        ManagedCluster cluster = target(context);
        ManagedNode node = cluster.main();
        boolean keepOwnership = Boolean.parseBoolean(context.parameters().get(KEEP_OWNERSHIP));
        try (Sha256 object = stored.read(context)) {
            CommandResult result = ClientPrograms.run(node.tools().restore(node.endpoint(),
                    cluster.admin().username(), context.parameter(TARGET_DATABASE), keepOwnership), node.endpoint(),
                    cluster.admin(), object, null, context.remaining(), null);
            String mismatch = StoredSnapshots.mismatch(context, object.drain());
            if (mismatch != null) {
                throw new IllegalStateException(mismatch);
            }
            result.orThrow();
        }
        context.log("restored into database " + context.parameter(TARGET_DATABASE) + " of " + cluster
                + (keepOwnership ? " with owners and privileges" : " owned by " + cluster.admin().username()));
    }

    /**
     * One psql session runs BEGIN, TRUNCATE of every named table, the tables' rows as pg_restore writes them (one
     * pass over the snapshot per schema), and COMMIT only when every pass succeeded: a failure anywhere ends the
     * session without COMMIT and the tables keep their rows.
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

    private static List<QualifiedName> tables(StepContext context) {
        return SnapshotTasks.splitTables(context.parameters().get(TABLES)).stream().map(QualifiedName::parse).toList();
    }
}
