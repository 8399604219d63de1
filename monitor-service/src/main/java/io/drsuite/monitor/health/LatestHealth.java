package io.drsuite.monitor.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The latest poll's results, in memory, for the API and the metrics. */
@ApplicationScoped
public class LatestHealth {

    private volatile Map<String, NodeHealth> nodes = Map.of();
    private final Map<UUID, RelationshipHealth> relationships = new ConcurrentHashMap<>();

    void replaceNodes(List<NodeHealth> polled) {
        nodes = polled.stream().collect(Collectors.toUnmodifiableMap(h -> key(h.cluster(), h.node()),
                Function.identity()));
    }

    void putRelationship(RelationshipHealth health) {
        relationships.put(health.relationshipId(), health);
    }

    void keepRelationships(java.util.Set<UUID> ids) {
        relationships.keySet().retainAll(ids);
    }

    /** By "cluster/node". */
    public Map<String, NodeHealth> nodes() {
        return nodes;
    }

    public List<NodeHealth> nodesOf(String cluster) {
        return nodes.values().stream().filter(h -> h.cluster().equals(cluster))
                .sorted(java.util.Comparator.comparing(NodeHealth::node)).toList();
    }

    public Optional<RelationshipHealth> relationship(UUID id) {
        return Optional.ofNullable(relationships.get(id));
    }

    public static String key(String cluster, String node) {
        return cluster + "/" + node;
    }
}
