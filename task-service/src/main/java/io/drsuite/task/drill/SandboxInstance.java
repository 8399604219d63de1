package io.drsuite.task.drill;

import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.files.AutoConf;
import io.drsuite.clusterclient.host.NodeFiles;
import io.drsuite.clusterclient.host.QualifiedName;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.events.task.SnapshotTasks;
import io.drsuite.task.dr.ManagedClusters;
import io.drsuite.task.dr.NodeControl;
import io.drsuite.task.dr.Waits;
import io.drsuite.task.engine.StepContext;
import io.drsuite.task.snapshot.LogicalRestoreSteps;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fresh instance a restore test of a logical snapshot restores into on the sandbox node: made by {@code initdb}
 * with the source cluster's admin login as its superuser (the checks log in as that admin, as they do on a physical
 * copy), isolated like a physical copy, reachable over TCP only, and destroyed at the end. It never touches a data
 * directory it did not record creating.
 */
@ApplicationScoped
public class SandboxInstance {

    /** Artifact: set before the instance's data directory is created, so whoever ends the task removes it. */
    static final String CREATED = "instanceCreated";
    private static final Duration INITDB_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration CONNECT_WAIT = Duration.ofSeconds(60);
    /**
     * Only the admin has a password on the instance (a dump holds no roles), so {@code all} names it without
     * writing a name read from a cluster into the file.
     */
    private static final String HBA = """
            # written by DR Suite for a restore test's throwaway instance
            local all all peer
            host all all all scram-sha-256
            """;

    private final LogicalRestoreSteps logical;
    private final ManagedClusters clusters;

    SandboxInstance(LogicalRestoreSteps logical, ManagedClusters clusters) {
        this.logical = logical;
        this.clusters = clusters;
    }

    /** Creates the instance with {@code initdb}, keeps it to itself, starts it and waits until it answers. */
    void create(StepContext context, NodeControl node, Login admin) throws Exception {
        context.recordNow(CREATED, "true");
        NodeFiles files = node.files();
        String data = node.node().dataDirectory();
        node.stop("immediate");
        files.remove(data);
        files.makeDirectory(data);
        String passwordFile = passwordFile(node);
        // a new file NodeFiles writes is readable by the OS user only
        files.write(passwordFile, admin.password() + "\n");
        try {
            node.node().executor().run(node.node().tools().initdb(data, admin.username(), passwordFile), null,
                    INITDB_TIMEOUT, null).orThrow();
        } finally {
            files.remove(passwordFile);
        }
        files.write(node.path("pg_hba.conf"), HBA);
        AutoConf conf = node.autoConf();
        conf.set("port", String.valueOf(node.node().endpoint().port()));
        conf.set("listen_addresses", node.node().endpoint().host());
        // no socket in a directory other instances share: the suite connects over TCP
        conf.set("unix_socket_directories", "");
        SandboxCopy.isolate(conf, node.node().name());
        node.writeAutoConf(conf);
        node.start();
        Waits.until(context, node.node() + " accepts connections", CONNECT_WAIT, () -> node.answers(admin));
        context.log("created a fresh instance on " + node.node() + " in " + data + " with the cluster's admin "
                + admin.username() + " as its superuser");
    }

    /**
     * Creates the database the dump holds (and, for a dump of tables, their schemas: pg_dump leaves them out) and
     * restores the dump into it, owned by the admin: the dump's roles do not exist on a fresh instance.
     */
    void restore(StepContext context, NodeControl node, Login admin) throws Exception {
        String database = context.parameter(SnapshotTasks.DATABASE);
        try (NodeSession session = node.session(admin)) {
            if (!session.databaseExists(database)) {
                session.createDatabase(database);
            }
        }
        Set<String> schemas = new TreeSet<>();
        SnapshotTasks.splitTables(context.parameters().get(SnapshotTasks.TABLES)).stream()
                .map(QualifiedName::parse).map(QualifiedName::schema).forEach(schemas::add);
        if (!schemas.isEmpty()) {
            try (NodeSession session = clusters.connector().open(node.node().endpoint(), admin, database)) {
                for (String schema : schemas) {
                    session.executeFormatted("select format('CREATE SCHEMA IF NOT EXISTS %I', ?::text)", schema);
                }
            }
        }
        logical.restoreInto(context, node.node(), admin, database, false);
        context.log("restored the dump into database " + database + " on " + node.node());
    }

    /**
     * Stops the instance and removes its data directory, log file and password file. Safe to run again and after
     * a crash; nothing is touched unless this task recorded that it created the instance.
     */
    void destroy(StepContext context, NodeControl node) {
        if (!createdHere(context)) {
            return;
        }
        String data = node.node().dataDirectory();
        if (node.files().exists(data)) {
            node.stop("immediate");
            node.files().remove(data);
        }
        for (String file : List.of(node.node().logFile(), passwordFile(node))) {
            node.files().remove(file);
        }
        context.log("destroyed the fresh instance on " + node.node() + " and its files");
    }

    /** Whether this task recorded creating the instance (a rerun after a crash finds its own place taken). */
    boolean createdHere(StepContext context) {
        return context.artifact(CREATED).isPresent();
    }

    private static String passwordFile(NodeControl node) {
        return node.node().dataDirectory() + ".drsuite-pwfile";
    }
}
