package io.drsuite.task.pitr;

import io.drsuite.clusterclient.files.AutoConf;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.task.dr.NodeControl;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The recovery settings a point-in-time restore writes into the restored data directory's
 * {@code postgresql.auto.conf} (quoted as the server writes them: quotes and backslashes doubled) with a
 * {@code recovery.signal}, and takes out again once the node has promoted.
 */
public final class RecoverySettings {

    /** Everything a restore may set; all of it is cleared before writing and reset after promotion. */
    public static final List<String> ALL;

    static {
        List<String> all = new ArrayList<>(List.of("restore_command", "recovery_target_timeline"));
        all.addAll(RecoveryTarget.TARGET_SETTINGS);
        ALL = List.copyOf(all);
    }

    private RecoverySettings() {
    }

    /**
     * The command the server runs through the shell to fetch a WAL file: a copy from the staging folder. The folder
     * goes in single quotes; a folder holding a character that would end them, or one PostgreSQL itself expands in
     * the command ({@code %}), is refused rather than escaped.
     */
    public static String restoreCommand(String stagingFolder) {
        if (stagingFolder.chars().anyMatch(c -> c == '\'' || c == '"' || c == '%' || c == '\\'
                || Character.isISOControl(c))) {
            throw new IllegalArgumentException("the WAL staging folder " + stagingFolder + " holds a quote, %, a "
                    + "backslash or a control character; a restore_command cannot name it safely");
        }
        return "cp '" + stagingFolder + "/%f' '%p'";
    }

    /** Writes the settings and marks the data directory for targeted recovery (the node must be stopped). */
    public static void write(NodeControl node, String stagingFolder, RecoveryTarget target) {
        String restoreCommand = restoreCommand(stagingFolder);
        AutoConf conf = node.autoConf();
        ALL.forEach(conf::remove);
        conf.set("restore_command", restoreCommand);
        conf.set("recovery_target_timeline", "latest");
        target.settings().forEach(conf::set);
        node.writeAutoConf(conf);
        node.files().remove(node.path("standby.signal"));
        node.files().write(node.path("recovery.signal"), "");
    }

    /** Removes the target, so recovery runs to the end of the staged WAL (the node must be stopped). */
    public static void dropTarget(NodeControl node) {
        AutoConf conf = node.autoConf();
        RecoveryTarget.TARGET_SETTINGS.forEach(conf::remove);
        node.writeAutoConf(conf);
    }

    /** {@code ALTER SYSTEM RESET} of every recovery setting, then a reload: the promoted node keeps none of them. */
    public static void reset(NodeSession session) throws SQLException {
        for (String name : ALL) {
            session.resetSystem(name);
        }
        session.reloadConfiguration();
    }
}
