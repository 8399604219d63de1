package io.drsuite.monitor.routing;

import io.drsuite.monitor.health.LatestHealth;
import io.drsuite.monitor.health.NodeHealth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The routing answers of one poll, for every node of every known cluster, so a load balancer's probe costs a map
 * look-up and never a connection to a node. Built after each poll from the node samples, the cluster catalog and
 * the relationships:
 * <ul>
 *   <li>A node is its cluster's primary when it answered writable and no other node of the cluster did; of several
 *       writable nodes, the one on the strictly highest timeline (the latest promoted); otherwise none is.</li>
 *   <li>A cluster is the active side unless it is the DR cluster of a relationship that is not stopped
 *       (a failed-over one keeps the old production cluster there until reprotect). During a
 *       switchover or failover the DR cluster becomes active as soon as its promoted node answers writable while
 *       no node of the production cluster does, so writes move with the promotion rather than when the task ends.</li>
 *   <li>A replica's lag is its replay position behind the write position of its upstream primary: the cluster's own
 *       primary, or the production cluster's for the DR side.</li>
 * </ul>
 */
public final class RoutingTable {

    public static final RoutingTable EMPTY = new RoutingTable(Map.of());

    private final Map<String, NodeRoute> byKey;
    private final Map<String, List<NodeRoute>> byNodeName;

    private RoutingTable(Map<String, NodeRoute> byKey) {
        this.byKey = byKey;
        Map<String, List<NodeRoute>> names = new HashMap<>();
        byKey.values().forEach(route -> names.computeIfAbsent(route.node(), name -> new ArrayList<>()).add(route));
        this.byNodeName = names;
    }

    /**
     * @param clusters every known cluster's node names, by cluster name
     * @param relationships every relationship that is not stopped
     * @param health the latest sample of every node, by "cluster/node"
     */
    public static RoutingTable of(Map<String, List<String>> clusters, List<RelationshipSides> relationships,
            Map<String, NodeHealth> health) {
        Map<String, Optional<NodeHealth>> primaries = new HashMap<>();
        clusters.forEach((cluster, nodes) -> primaries.put(cluster, primary(samples(cluster, nodes, health))));
        Map<String, NodeRoute> routes = new LinkedHashMap<>();
        clusters.forEach((cluster, nodes) -> {
            Optional<RelationshipSides> drSideOf = relationships.stream()
                    .filter(relationship -> relationship.drCluster().equals(cluster)).findFirst();
            boolean active = drSideOf.map(relationship -> relationship.handingOver()
                    && noneWritable(clusters.getOrDefault(relationship.primaryCluster(), List.of()),
                            relationship.primaryCluster(), health)).orElse(true);
            Optional<NodeHealth> upstream = active || drSideOf.isEmpty() ? primaries.get(cluster)
                    : primaries.getOrDefault(drSideOf.get().primaryCluster(), Optional.empty());
            for (String node : nodes) {
                routes.put(LatestHealth.key(cluster, node), route(cluster, node,
                        health.get(LatestHealth.key(cluster, node)), active, primaries.get(cluster), upstream));
            }
        });
        return new RoutingTable(Map.copyOf(routes));
    }

    /** The node of that cluster; empty when no known cluster has it. */
    public Optional<NodeRoute> node(String cluster, String node) {
        return Optional.ofNullable(byKey.get(LatestHealth.key(cluster, node)));
    }

    /** Every known node of that name, in whichever cluster. */
    public List<NodeRoute> nodesNamed(String node) {
        return byNodeName.getOrDefault(node, List.of());
    }

    private static NodeRoute route(String cluster, String node, NodeHealth sample, boolean active,
            Optional<NodeHealth> primary, Optional<NodeHealth> upstream) {
        if (sample == null) {
            return new NodeRoute(cluster, node, null, RouteStatus.STALE, RouteStatus.STALE, null);
        }
        if (!sample.reachable() || sample.inRecovery() == null) {
            return new NodeRoute(cluster, node, sample.sampledAt(), RouteStatus.UNREACHABLE, RouteStatus.UNREACHABLE,
                    null);
        }
        if (sample.isPrimary()) {
            RouteStatus asPrimary = !active ? RouteStatus.DR_SIDE
                    : primary.filter(found -> found.node().equals(node)).isPresent() ? RouteStatus.PRIMARY
                            : RouteStatus.CONFLICT;
            return new NodeRoute(cluster, node, sample.sampledAt(), asPrimary, RouteStatus.PRIMARY, null);
        }
        if (!sample.streams()) {
            return new NodeRoute(cluster, node, sample.sampledAt(), RouteStatus.STANDBY, RouteStatus.NOT_STREAMING,
                    null);
        }
        Long lag = upstream.filter(source -> source.currentLsn() != null && sample.replayLsn() != null)
                .map(source -> source.currentLsn().bytesAfter(sample.replayLsn())).orElse(null);
        return new NodeRoute(cluster, node, sample.sampledAt(), RouteStatus.STANDBY, RouteStatus.REPLICA, lag);
    }

    private static List<NodeHealth> samples(String cluster, List<String> nodes, Map<String, NodeHealth> health) {
        return nodes.stream().map(node -> health.get(LatestHealth.key(cluster, node))).filter(Objects::nonNull)
                .toList();
    }

    /** The single writable node, or of several the one on the strictly highest timeline. */
    static Optional<NodeHealth> primary(List<NodeHealth> samples) {
        List<NodeHealth> writable = samples.stream().filter(NodeHealth::isPrimary)
                .sorted(Comparator.comparing(RoutingTable::timeline).reversed()).toList();
        if (writable.size() == 1) {
            return Optional.of(writable.getFirst());
        }
        if (writable.size() > 1 && timeline(writable.get(0)) > timeline(writable.get(1))) {
            return Optional.of(writable.getFirst());
        }
        return Optional.empty();
    }

    private static boolean noneWritable(List<String> nodes, String cluster, Map<String, NodeHealth> health) {
        return samples(cluster, nodes, health).stream().noneMatch(NodeHealth::isPrimary);
    }

    private static int timeline(NodeHealth sample) {
        return sample.timeline() == null ? 0 : sample.timeline();
    }
}
