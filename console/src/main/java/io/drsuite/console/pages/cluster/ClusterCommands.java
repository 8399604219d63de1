package io.drsuite.console.pages.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.console.services.Service;
import io.drsuite.console.services.SuiteApi;
import jakarta.enterprise.context.RequestScoped;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The operations inside a cluster, asked of relationship-service as the signed-in user: it decides the roles again,
 * audits the user and answers the task that runs the operation.
 */
@RequestScoped
public class ClusterCommands {

    private final SuiteApi api;

    ClusterCommands(SuiteApi api) {
        this.api = api;
    }

    public UUID switchover(String cluster, String toNode) {
        return taskOf(api.post(Service.RELATIONSHIP, Map.of("toNode", toNode == null ? "" : toNode),
                "/api/v1/clusters/{name}/switchover", cluster));
    }

    public UUID failover(String cluster, String toNode, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", reason);
        if (toNode != null && !toNode.isBlank()) {
            body.put("toNode", toNode);
        }
        return taskOf(api.post(Service.RELATIONSHIP, body, "/api/v1/clusters/{name}/failover", cluster));
    }

    public UUID rebuild(String cluster, String node, String mode) {
        return taskOf(api.post(Service.RELATIONSHIP, Map.of("mode", mode == null ? "auto" : mode),
                "/api/v1/clusters/{name}/nodes/{node}/rebuild", cluster, node));
    }

    public UUID addStandby(String cluster, NewStandby standby) {
        Map<String, Object> access = new LinkedHashMap<>();
        access.put("kind", standby.accessKind());
        if ("ssh".equals(standby.accessKind())) {
            access.put("sshHost", standby.sshHost());
            access.put("sshPort", standby.sshPort());
            access.put("sshUser", standby.sshUser());
            access.put("sshKeyRef", standby.sshKeyRef());
        } else {
            access.put("osUser", standby.osUser());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", standby.name());
        body.put("host", standby.host());
        body.put("port", standby.port());
        body.put("dataDirectory", standby.dataDirectory());
        body.put("access", access);
        return taskOf(api.post(Service.RELATIONSHIP, body, "/api/v1/clusters/{name}/nodes", cluster));
    }

    public void removeStandby(String cluster, String node, String reason) {
        Map<String, Object> query = new HashMap<>();
        query.put("reason", reason);
        api.delete(Service.RELATIONSHIP, "/api/v1/clusters/{name}/nodes/{node}", query, cluster, node);
    }

    private static UUID taskOf(JsonNode accepted) {
        return UUID.fromString(accepted.path("taskId").asText());
    }
}
