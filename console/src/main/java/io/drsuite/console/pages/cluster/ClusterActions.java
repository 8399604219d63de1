package io.drsuite.console.pages.cluster;

import io.drsuite.console.signin.ConsoleUser;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The operations inside a cluster the page offers, each with why it is disabled for this user now (or null), as
 * relationship-service decides them: switchover and rebuild for operators, failover and adding or removing a standby
 * for admins; none while an operation runs or on the DR side of a relationship.
 */
public record ClusterActions(String switchoverRefusal, String failoverRefusal, String rebuildRefusal,
        String addRefusal, String removeRefusal) {

    static final String RUNNING = "an operation is running in this cluster; wait until it ends";
    static final String DR_SIDE = "the cluster is the DR side of relationship %s; use the relationship's operations";
    static final String NO_STANDBY = "the cluster has no standby";

    /** @param refusalFor the user's reason for a role they lack ({@link ConsoleUser#refusalFor}), null when held */
    public static ClusterActions of(ClusterDetail cluster, UnaryOperator<String> refusalFor) {
        String busy = cluster.operation() != null ? RUNNING
                : cluster.drSide() ? DR_SIDE.formatted(cluster.relationship().name()) : null;
        String noStandby = cluster.standbys().isEmpty() ? NO_STANDBY : null;
        return new ClusterActions(first(refusalFor.apply(ConsoleUser.OPERATOR), busy, noStandby),
                first(refusalFor.apply(ConsoleUser.ADMIN), busy, noStandby),
                first(refusalFor.apply(ConsoleUser.OPERATOR), busy),
                first(refusalFor.apply(ConsoleUser.ADMIN), busy),
                first(refusalFor.apply(ConsoleUser.ADMIN), busy));
    }

    /** Why this standby cannot be removed: the cluster's reason, or that commits wait for it. */
    public String removeRefusalFor(ClusterDetail cluster, ClusterNode node) {
        if (removeRefusal != null) {
            return removeRefusal;
        }
        return cluster.synchronousNodes().contains(node.name()) && cluster.synchronousCount() > 0
                ? node.name() + " is one of the synchronous standbys; take it out of them first" : null;
    }

    private static String first(String... reasons) {
        return Stream.of(reasons).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
