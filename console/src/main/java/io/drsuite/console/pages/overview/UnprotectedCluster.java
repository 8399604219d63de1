package io.drsuite.console.pages.overview;

import com.fasterxml.jackson.databind.JsonNode;

/** A registered cluster that no relationship holds: where it runs and how many nodes it has. */
public record UnprotectedCluster(String name, String serverVersion, String primaryNode, int nodes) {

    static UnprotectedCluster of(JsonNode cluster) {
        String primary = null;
        for (JsonNode node : cluster.path("nodes")) {
            if ("primary".equalsIgnoreCase(node.path("role").asText())) {
                primary = node.path("host").asText() + ":" + node.path("port").asText();
            }
        }
        return new UnprotectedCluster(cluster.path("name").asText(), cluster.path("serverVersion").asText(null),
                primary, cluster.path("nodes").size());
    }
}
