package io.drsuite.monitor.health;

import io.drsuite.catalog.KnownCluster;
import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.monitor.routing.RelationshipSides;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The clusters an operation moved between two polls: their nodes changed (a role, an address, a node added or
 * removed), or the relationship holding them did (its phase, its sides, it began or ended).
 */
final class MovedClusters {

    private MovedClusters() {
    }

    static Set<String> between(List<KnownCluster> clustersBefore, List<RelationshipSides> relationshipsBefore,
            List<KnownCluster> clustersNow, List<RelationshipSides> relationshipsNow) {
        Set<String> moved = new HashSet<>();
        Set<ClusterNodes> nodesBefore = clustersBefore.stream().map(ClusterNodes::of).collect(Collectors.toSet());
        clustersNow.stream().map(ClusterNodes::of).filter(now -> !nodesBefore.contains(now))
                .forEach(now -> moved.add(now.cluster()));
        Set<RelationshipSides> before = Set.copyOf(relationshipsBefore);
        Set<RelationshipSides> now = Set.copyOf(relationshipsNow);
        Stream.concat(before.stream().filter(sides -> !now.contains(sides)),
                now.stream().filter(sides -> !before.contains(sides)))
                .forEach(sides -> moved.addAll(List.of(sides.primaryCluster(), sides.drCluster())));
        return moved;
    }

    private record ClusterNodes(String cluster, List<ClusterNode> nodes) {

        static ClusterNodes of(KnownCluster cluster) {
            return new ClusterNodes(cluster.name, List.copyOf(cluster.nodes));
        }
    }
}
