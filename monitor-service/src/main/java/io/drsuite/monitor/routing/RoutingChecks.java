package io.drsuite.monitor.routing;

import io.drsuite.catalog.KnownCluster;
import io.drsuite.catalog.ownership.OwnershipSettings;
import io.drsuite.clusterclient.config.ClustersConfig;
import io.drsuite.monitor.config.MonitorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Answers the load balancers' health checks from the latest poll's {@link RoutingTable}, in memory: a probe never
 * reads the database, and opens a session to a node only to confirm that the node the poll took for the primary
 * still is one ({@link PrimaryConfirmation}). A node is addressed by name alone when one known cluster has a
 * node of that name (names are unique within a cluster only), or by cluster and name.
 */
@ApplicationScoped
public class RoutingChecks {

    private final Duration maxSampleAge;
    private final long defaultMaxLagBytes;
    private final PrimaryConfirmation confirmation;
    private volatile RoutingTable table = RoutingTable.EMPTY;

    RoutingChecks(MonitorConfig config, ClustersConfig clusters, OwnershipSettings ownership,
            PrimaryConfirmation confirmation) {
        this.confirmation = confirmation;
        // A replica's clusters go unpolled for up to a session timeout when it dies, until another takes them over:
        // a primary's check must not fail over that, or the load balancer would drop a healthy primary.
        this.maxSampleAge = config.routing().maxSampleAge().orElseGet(() -> config.pollInterval().multipliedBy(3)
                .plus(clusters.poll().connectTimeout()).plus(clusters.poll().statementTimeout())
                .plus(ownership.sessionTimeout()));
        this.defaultMaxLagBytes = config.routing().replicaMaxLagBytes();
    }

    /** The table of the poll that just ended, and the registry it read. */
    public void update(RoutingTable latest, List<KnownCluster> clusters) {
        confirmation.update(clusters);
        table = latest;
    }

    /** How old a sample may be for a check to answer 200. */
    public Duration maxSampleAge() {
        return maxSampleAge;
    }

    public RouteStatus primary(String cluster, String node) {
        return table.node(cluster, node).map(this::primary).orElse(RouteStatus.UNKNOWN_NODE);
    }

    public RouteStatus primary(String node) {
        return byName(node, this::primary);
    }

    /** What the poll says, and for a primary also what the node says now ({@link PrimaryConfirmation}). */
    private RouteStatus primary(NodeRoute route) {
        RouteStatus polled = route.primary(Instant.now(), maxSampleAge);
        return polled == RouteStatus.PRIMARY ? confirmation.confirm(route.cluster(), route.node()) : polled;
    }

    /** @param maxLagBytes the caller's limit; null for the configured one */
    public RouteStatus replica(String cluster, String node, Long maxLagBytes) {
        long limit = maxLagBytes == null ? defaultMaxLagBytes : maxLagBytes;
        return table.node(cluster, node).map(route -> route.replica(Instant.now(), maxSampleAge, limit))
                .orElse(RouteStatus.UNKNOWN_NODE);
    }

    public RouteStatus replica(String node, Long maxLagBytes) {
        long limit = maxLagBytes == null ? defaultMaxLagBytes : maxLagBytes;
        return byName(node, route -> route.replica(Instant.now(), maxSampleAge, limit));
    }

    private RouteStatus byName(String node, Function<NodeRoute, RouteStatus> check) {
        List<NodeRoute> named = table.nodesNamed(node);
        if (named.isEmpty()) {
            return RouteStatus.UNKNOWN_NODE;
        }
        return named.size() > 1 ? RouteStatus.AMBIGUOUS_NODE : check.apply(named.getFirst());
    }
}
