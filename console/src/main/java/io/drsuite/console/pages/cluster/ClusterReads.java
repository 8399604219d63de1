package io.drsuite.console.pages.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.console.services.Service;
import io.drsuite.console.services.ServiceRefusal;
import io.drsuite.console.services.SuiteApi;
import io.drsuite.events.task.ClusterTasks;
import jakarta.enterprise.context.RequestScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What the cluster pages read as the signed-in user: the registry (relationship-service), the relationships holding
 * the clusters, and each node's latest poll (monitor-service).
 */
@RequestScoped
public class ClusterReads {

    private static final Logger LOG = Logger.getLogger(ClusterReads.class);

    private final SuiteApi api;

    ClusterReads(SuiteApi api) {
        this.api = api;
    }

    public List<ClusterRow> clusters() {
        Map<String, RelationshipRef> holding = relationshipsByCluster();
        List<ClusterRow> rows = new ArrayList<>();
        for (JsonNode cluster : api.list(Service.RELATIONSHIP, "/api/v1/clusters", Map.of("limit", 200))) {
            String primary = null;
            for (JsonNode node : cluster.path("nodes")) {
                if ("primary".equals(node.path("role").asText())) {
                    primary = node.path("name").asText();
                }
            }
            JsonNode operation = cluster.path("operation");
            rows.add(new ClusterRow(cluster.path("name").asText(), cluster.path("serverVersion").asText(null),
                    cluster.path("nodes").size(), primary, holding.get(cluster.path("name").asText()),
                    operation.isObject() ? operation.path("type").asText() : null,
                    operation.isObject() ? uuid(operation.path("taskId")) : null));
        }
        return rows;
    }

    public Optional<ClusterDetail> cluster(String name) {
        return api.find(Service.RELATIONSHIP, "/api/v1/clusters/{name}", name)
                .map(view -> detail(view, health(name), relationshipsByCluster().get(name)));
    }

    /**
     * monitor-service's latest poll of each node, by node name; empty when it does not know the cluster yet or cannot
     * be reached (the page then shows the registry without health rather than nothing).
     */
    private Map<String, JsonNode> health(String name) {
        Map<String, JsonNode> nodes = new HashMap<>();
        try {
            api.find(Service.MONITOR, "/api/v1/health/clusters/{name}", name).ifPresent(health ->
                    health.path("nodes").forEach(node -> nodes.put(node.path("node").asText(), node)));
        } catch (ServiceRefusal unavailable) {
            LOG.debugf("No node health for cluster %s: %s", name, unavailable.getMessage());
        }
        return nodes;
    }

    private Map<String, RelationshipRef> relationshipsByCluster() {
        Map<String, RelationshipRef> holding = new HashMap<>();
        for (JsonNode relationship : api.list(Service.RELATIONSHIP, "/api/v1/relationships", Map.of("limit", 200))) {
            for (JsonNode side : relationship.path("clusters")) {
                RelationshipRef ref = new RelationshipRef(relationship.path("id").asText(),
                        relationship.path("name").asText(), side.path("role").asText(),
                        relationship.path("phase").asText());
                holding.merge(side.path("name").asText(), ref, (held, other) -> active(held) ? held : other);
            }
        }
        return holding;
    }

    private static boolean active(RelationshipRef ref) {
        return !"stopped".equals(ref.phase()) && !"failed_over".equals(ref.phase());
    }

    static ClusterDetail detail(JsonNode view, Map<String, JsonNode> health, RelationshipRef relationship) {
        JsonNode primaryHealth = null;
        for (JsonNode node : view.path("nodes")) {
            if ("primary".equals(node.path("role").asText())) {
                primaryHealth = health.get(node.path("name").asText());
            }
        }
        List<ClusterNode> nodes = new ArrayList<>();
        for (JsonNode node : view.path("nodes")) {
            nodes.add(node(node, health.get(node.path("name").asText()), primaryHealth));
        }
        List<String> synchronous = new ArrayList<>();
        view.path("synchronousStandbys").path("nodes").forEach(node -> synchronous.add(node.asText()));
        JsonNode operation = view.path("operation");
        JsonNode last = view.path("lastOperation");
        return new ClusterDetail(uuid(view.path("id")), view.path("name").asText(),
                view.path("serverVersion").asText(null), nodes, view.path("synchronousStandbys").path("count").asInt(),
                synchronous,
                operation.isObject() ? new ClusterDetail.RunningOperation(uuid(operation.path("taskId")),
                        operation.path("type").asText(), operation.path("node").asText(null),
                        operation.path("step").asText(null), operation.path("percent").asInt(),
                        instant(operation.path("startedAt"))) : null,
                last.isObject() ? new ClusterDetail.LastOperation(uuid(last.path("taskId")), last.path("type").asText(),
                        last.path("result").asText(), last.path("error").asText(null), instant(last.path("endedAt")))
                        : null,
                relationship);
    }

    /** The node as registered, with what the latest poll of it and of the primary tell about its replication. */
    private static ClusterNode node(JsonNode node, JsonNode health, JsonNode primaryHealth) {
        String name = node.path("name").asText();
        String role = node.path("role").asText();
        Long lagBytes = null;
        Double replayLag = null;
        String syncState = null;
        if (!"primary".equals(role) && health != null && primaryHealth != null) {
            Long written = lsn(primaryHealth.path("currentLsn"));
            Long replayed = lsn(health.path("replayLsn"));
            if (written != null && replayed != null) {
                lagBytes = Math.max(0, written - replayed);
            }
            for (JsonNode standby : primaryHealth.path("standbys")) {
                if (ClusterTasks.standbyName(name).equals(standby.path("applicationName").asText())) {
                    syncState = standby.path("syncState").asText(null);
                    replayLag = standby.path("replayLagSeconds").isNumber()
                            ? standby.path("replayLagSeconds").asDouble() : null;
                }
            }
        }
        return new ClusterNode(name, node.path("host").asText(), node.path("port").asInt(), role,
                node.path("access").path("kind").asText(null),
                health == null ? null : health.path("reachable").asBoolean(),
                health == null ? null : health.path("error").asText(null), lagBytes, replayLag, syncState,
                health == null ? null : health.path("walReceiver").asText(null),
                health == null ? null : instant(health.path("sampledAt")));
    }

    /** A WAL position as monitor-service writes it ({@code {"value": n}}), or as PostgreSQL does ({@code 0/3000060}). */
    static Long lsn(JsonNode node) {
        if (node.isObject() && node.path("value").isNumber()) {
            return node.path("value").asLong();
        }
        if (node.isNumber()) {
            return node.asLong();
        }
        if (node.isTextual() && node.asText().contains("/")) {
            String[] parts = node.asText().split("/", 2);
            return (Long.parseUnsignedLong(parts[0], 16) << 32) | Long.parseUnsignedLong(parts[1], 16);
        }
        return null;
    }

    private static UUID uuid(JsonNode node) {
        return node.isTextual() ? UUID.fromString(node.asText()) : null;
    }

    private static Instant instant(JsonNode node) {
        return node.isTextual() ? Instant.parse(node.asText()) : null;
    }
}
