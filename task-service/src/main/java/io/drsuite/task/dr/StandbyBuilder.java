package io.drsuite.task.dr;

import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.NodeEndpoint;
import io.drsuite.clusterclient.host.NodeFiles;
import io.drsuite.clusterclient.host.PassFile;
import io.drsuite.task.engine.ProgressMeter;
import io.drsuite.task.engine.StepContext;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Builds a standby's data directory from its upstream: a full build with {@code pg_basebackup} into a folder next
 * to the data directory, swapped in when complete (the old data is kept aside, in a folder naming the task, for the
 * configured retention), or an incremental build with {@code pg_rewind}. Either way the node keeps its own
 * configuration files (every {@code *.conf} at the top of its data directory: {@code postgresql.conf},
 * {@code pg_hba.conf}, {@code pg_ident.conf} and files they include): the copy brings the upstream's, which name the
 * upstream's port and addresses. {@code postgresql.auto.conf} follows the upstream in a full build (it holds what {@code ALTER SYSTEM}
 * set cluster-wide) and is kept in a rewind.
 */
public final class StandbyBuilder {

    private static final String AUTO_CONF = "postgresql.auto.conf";

    private StandbyBuilder() {
    }

    private static final String REPLACED = ".drsuite-replaced-";

    /**
     * Where a build of {@code taskId} keeps the node's previous data directory: a path naming the task, so no build
     * ever mistakes another build's kept data for its own. It stays for the configured retention
     * ({@link ReplacedDataSweep}).
     */
    public static String replacedDirectory(ManagedNode node, UUID taskId) {
        return node.dataDirectory() + REPLACED + taskId;
    }

    /** Whether {@code path} is a folder a build of {@code taskId} sets aside (what the sweep may delete). */
    static boolean isReplacedDirectory(String path, UUID taskId) {
        return path.endsWith(REPLACED + taskId) && path.length() > (REPLACED + taskId).length();
    }

    /**
     * Replaces the node's data directory with a fresh copy of {@code source}. The node must be stopped.
     * {@code keepReplaced} is told where the previous data will be kept before it is moved there.
     */
    public static void fullBuild(StepContext context, NodeControl target, NodeEndpoint source, Login replication,
            String slot, Consumer<String> keepReplaced) {
        ManagedNode node = target.node();
        NodeFiles files = target.files();
        String data = node.dataDirectory();
        String build = data + ".drsuite-build";
        String previous = replacedDirectory(node, context.taskId());
        // a node being added has no data directory yet: it keeps the configuration files the copy brings
        String configurationSource = files.exists(data) ? data : files.exists(previous) ? previous : null;
        files.remove(build);
        files.makeDirectory(build);
        context.log("full build of " + node + " from " + source + " with pg_basebackup");
        runWithPassFile(files, node, source, replication, passFile -> node.executor().run(
                node.tools().baseBackup(source, replication, passFile, build, slot), null, context.remaining(),
                line -> ProgressMeter.report(context, line)).orThrow());
        List<String> ownFiles = configurationSource == null ? List.of()
                : ConfigurationFiles.list(node, configurationSource);
        for (String file : ownFiles) {
            if (!AUTO_CONF.equals(file)) {
                files.copy(configurationSource + "/" + file, build + "/" + file);
            }
        }
        if (files.exists(data)) {
            if (files.exists(previous)) {
                // an earlier run of this task already set the original data aside; what is here is that run's copy
                files.remove(data);
            } else {
                keepReplaced.accept(previous);
                files.move(data, previous);
            }
        }
        files.move(build, data);
        files.remove(data + "/standby.signal");
        context.log("full build of " + node + " complete; its previous data is kept in " + previous);
    }

    /**
     * Resynchronises a former primary from {@code source} with {@code pg_rewind}, keeping all of its own settings
     * (including {@code postgresql.auto.conf}). The node must be stopped. Throws when the rewind is not possible.
     */
    public static void rewind(StepContext context, NodeControl target, NodeEndpoint source, Login admin) {
        ManagedNode node = target.node();
        NodeFiles files = target.files();
        String data = node.dataDirectory();
        String saved = data + ".drsuite-settings";
        if (!files.exists(saved)) {
            files.remove(saved + ".tmp");
            files.makeDirectory(saved + ".tmp");
            for (String file : ConfigurationFiles.list(node, data)) {
                files.copy(data + "/" + file, saved + ".tmp/" + file);
            }
            files.move(saved + ".tmp", saved);
        }
        context.log("incremental build of " + node + " from " + source + " with pg_rewind");
        runWithPassFile(files, node, source, admin, passFile -> node.executor().run(
                node.tools().rewind(source, admin, passFile, data), null, context.remaining(),
                line -> ProgressMeter.report(context, line)).orThrow());
        for (String file : ConfigurationFiles.list(node, saved)) {
            files.copy(saved + "/" + file, data + "/" + file);
        }
        files.remove(saved);
        context.log("incremental build of " + node + " complete; its own settings were put back");
    }

    /** A password file readable only by the node's OS user, removed as soon as the program has run. */
    private static void runWithPassFile(NodeFiles files, ManagedNode node, NodeEndpoint source, Login login,
            Consumer<String> program) {
        String passFile = node.dataDirectory() + ".drsuite-pgpass";
        files.write(passFile, PassFile.line(source, login));
        try {
            program.accept(passFile);
        } finally {
            files.remove(passFile);
        }
    }
}
