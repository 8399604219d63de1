package io.drsuite.cli.commands.snapshot;

import java.util.List;

/**
 * Whether a restore replaces existing data, which snapshot-service only does with {@code replace: true}, the admin
 * role and a reason: a physical snapshot always replaces a node's data directory; a logical one replaces rows when it
 * restores named tables, or a database when asked to with {@code --replace}; otherwise it goes into a new database
 * and replaces nothing.
 */
final class RestoreScope {

    private RestoreScope() {
    }

    static boolean replaces(String kind, boolean replaceAsked, List<String> tables) {
        return replaceAsked || "physical".equals(kind) || (tables != null && !tables.isEmpty());
    }

    /** What the confirmation says will happen. */
    static String consequence(String kind, String cluster, String database, String node, List<String> tables) {
        if ("physical".equals(kind)) {
            return "This replaces the data directory of " + (node == null ? "the main node" : "node " + node)
                    + " of cluster " + cluster + " with the snapshot; what was written since is lost.";
        }
        if (tables != null && !tables.isEmpty()) {
            return "This replaces the rows of " + String.join(", ", tables) + " in database " + database
                    + " of cluster " + cluster + " with the snapshot's.";
        }
        return "This replaces database " + database + " of cluster " + cluster + " with the snapshot's copy.";
    }
}
