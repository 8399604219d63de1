package io.drsuite.console.pages.cluster;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What each operation inside a cluster will do, in words computed from the cluster's real nodes, for the
 * confirmation dialogs: the user reads what happens to which server before typing the name.
 */
public final class OperationWords {

    private OperationWords() {
    }

    public static String switchover(ClusterDetail cluster, ClusterNode target) {
        String primary = cluster.primary().map(ClusterNode::label).orElse("The primary");
        List<String> others = cluster.standbys().stream().filter(node -> !node.name().equals(target.name()))
                .map(ClusterNode::name).toList();
        return primary + " will be stopped cleanly and " + target.label() + " promoted once it has replayed the "
                + "shutdown checkpoint; " + cluster.primary().map(ClusterNode::name).orElse("the old primary")
                + " then restarts as its standby" + (others.isEmpty() ? "" : " and " + join(others)
                + " follow the new primary") + (cluster.relationship() != null ? ", as does the DR side of "
                + cluster.relationship().name() : "") + ". Writes pause for about a second; no committed data is lost.";
    }

    public static String failover(ClusterDetail cluster) {
        String primary = cluster.primary().map(ClusterNode::label).orElse("the primary");
        return "The primary " + primary + " is treated as lost: it is fenced where it can still be reached, and the "
                + "standby you choose (or, without a choice, the one of " + join(cluster.standbys().stream()
                .map(ClusterNode::name).toList()) + " that has received the most WAL) is promoted. The other "
                + "standbys" + (cluster.relationship() != null ? " and the DR side" : "") + " are re-pointed at it. "
                + "Commits the primary had not sent are lost; the task records its estimate.";
    }

    public static String rebuild(ClusterDetail cluster, ClusterNode node) {
        String primary = cluster.primary().map(ClusterNode::label).orElse("the primary");
        return node.label() + " will be stopped and rebuilt from " + primary + ": auto rewinds it with pg_rewind and "
                + "copies everything with pg_basebackup when that fails; full always copies everything. It serves "
                + "no reads until it streams again.";
    }

    public static String add(ClusterDetail cluster) {
        String primary = cluster.primary().map(ClusterNode::label).orElse("the primary");
        return "The node is registered as a standby of " + cluster.name() + " and built from " + primary
                + " with pg_basebackup into the data directory you give (it must not hold a running server). The "
                + "primary's WAL is read for the whole copy.";
    }

    public static String remove(ClusterDetail cluster, ClusterNode node) {
        String primary = cluster.primary().map(ClusterNode::name).orElse("the primary");
        return node.label() + " is removed from the registry: the suite no longer watches or routes to it. Its "
                + "server is not touched; its replication slot on " + primary + " is dropped when nothing uses it.";
    }

    private static String join(List<String> names) {
        return names.stream().collect(Collectors.joining(", "));
    }
}
