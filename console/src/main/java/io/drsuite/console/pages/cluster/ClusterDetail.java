package io.drsuite.console.pages.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A cluster as its page shows it: its nodes with their health, its local synchronous standbys, the operation running
 * inside it and the last one that ended, and the relationship holding it.
 */
public record ClusterDetail(UUID id, String name, String serverVersion, List<ClusterNode> nodes,
        int synchronousCount, List<String> synchronousNodes, RunningOperation operation, LastOperation lastOperation,
        RelationshipRef relationship) {

    /** An operation running inside the cluster; {@code node} is the one it promotes, rebuilds or adds, or null. */
    public record RunningOperation(UUID taskId, String type, String node, String step, int percent,
            Instant startedAt) {
    }

    /** The last operation that ended: succeeded, failed or cancelled, with the error when it failed. */
    public record LastOperation(UUID taskId, String type, String result, String error, Instant endedAt) {
    }

    public Optional<ClusterNode> primary() {
        return nodes.stream().filter(ClusterNode::primary).findFirst();
    }

    public List<ClusterNode> standbys() {
        return nodes.stream().filter(node -> !node.primary()).toList();
    }

    public Optional<ClusterNode> node(String nodeName) {
        return nodes.stream().filter(node -> node.name().equals(nodeName)).findFirst();
    }

    /** {@code ANY 1 (prod-2, prod-3)}, or {@code none}. */
    public String synchronousStandbys() {
        return synchronousCount == 0 ? "none (commits do not wait for a local standby)"
                : "ANY " + synchronousCount + " of " + String.join(", ", synchronousNodes);
    }

    /** The cluster is the DR side of an active relationship: its operations are the relationship's. */
    public boolean drSide() {
        return relationship != null && "disaster_standby".equals(relationship.role())
                && !"stopped".equals(relationship.phase()) && !"failed_over".equals(relationship.phase());
    }

    public String switchoverWords(ClusterNode target) {
        return OperationWords.switchover(this, target);
    }

    public String failoverWords() {
        return OperationWords.failover(this);
    }

    public String rebuildWords(ClusterNode node) {
        return OperationWords.rebuild(this, node);
    }

    public String addWords() {
        return OperationWords.add(this);
    }

    public String removeWords(ClusterNode node) {
        return OperationWords.remove(this, node);
    }
}
