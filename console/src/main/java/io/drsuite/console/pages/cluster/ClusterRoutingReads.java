package io.drsuite.console.pages.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.console.services.Service;
import io.drsuite.console.services.SuiteApi;
import io.drsuite.events.task.DrSteps;
import jakarta.enterprise.context.RequestScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a cluster's routing: monitor-service's checks for every node, relationship-service's routing settings and
 * webhook calls, and the DNS records the last operation's task pointed.
 */
@RequestScoped
public class ClusterRoutingReads {

    /** The key prefix of the DNS records a point-dns step records, as task-service writes them. */
    static final String DNS_ARTIFACT_PREFIX = "dns.";

    private final SuiteApi api;
    private final RoutingChecks checks;

    ClusterRoutingReads(SuiteApi api, RoutingChecks checks) {
        this.api = api;
        this.checks = checks;
    }

    public ClusterRouting routing(ClusterDetail cluster) {
        List<RoutingCheck> answers = new ArrayList<>();
        for (ClusterNode node : cluster.nodes()) {
            answers.add(checks.check(cluster.name(), node.name(), "primary"));
            answers.add(checks.check(cluster.name(), node.name(), "replica"));
        }
        Optional<JsonNode> settings = api.find(Service.RELATIONSHIP, "/api/v1/clusters/{name}/routing",
                cluster.name());
        JsonNode dns = settings.map(found -> found.path("dns")).orElse(null);
        return new ClusterRouting(answers,
                dns != null && dns.isObject() ? new ClusterRouting.Dns(dns.path("name").asText(),
                        dns.path("zone").asText(), dns.path("server").asText(), dns.path("port").asInt(),
                        dns.path("ttl").asInt(), dns.path("keyName").asText(null), dns.path("algorithm").asText(null),
                        dns.path("secretSet").asBoolean()) : null,
                lastDnsUpdate(cluster), webhooks(cluster.name(), settings.orElse(null)),
                settings.map(found -> instant(found.path("updatedAt"))).orElse(null));
    }

    private List<ClusterRouting.Webhook> webhooks(String cluster, JsonNode settings) {
        if (settings == null || settings.path("webhooks").isEmpty()) {
            return List.of();
        }
        Map<String, ClusterRouting.Delivery> newest = new LinkedHashMap<>();
        api.get(Service.RELATIONSHIP, "/api/v1/webhook-deliveries", Map.of("cluster", cluster, "limit", 100))
                .forEach(call -> newest.putIfAbsent(call.path("url").asText(), delivery(call)));
        List<ClusterRouting.Webhook> webhooks = new ArrayList<>();
        settings.path("webhooks").forEach(webhook -> webhooks.add(new ClusterRouting.Webhook(
                webhook.path("url").asText(), webhook.path("secretSet").asBoolean(),
                newest.get(webhook.path("url").asText()))));
        return webhooks;
    }

    private static ClusterRouting.Delivery delivery(JsonNode call) {
        return new ClusterRouting.Delivery(call.path("id").asLong(), call.path("state").asText(),
                call.path("attempts").asInt(), call.path("lastStatus").isNumber() ? call.path("lastStatus").asInt()
                        : null, call.path("lastError").asText(null), instant(call.path("createdAt")),
                instant(call.path("deliveredAt")), call.path("change").path("oldPrimary").asText(null),
                call.path("change").path("newPrimary").asText(null));
    }

    /** The DNS records the last operation inside the cluster pointed, from its point-dns step's artifacts. */
    private ClusterRouting.LastDnsUpdate lastDnsUpdate(ClusterDetail cluster) {
        if (cluster.lastOperation() == null || cluster.lastOperation().taskId() == null) {
            return null;
        }
        return api.find(Service.TASK, "/api/v1/tasks/{id}", cluster.lastOperation().taskId()).map(task -> {
            for (JsonNode step : task.path("steps")) {
                if (DrSteps.POINT_DNS.equals(step.path("name").asText())) {
                    List<String> records = new ArrayList<>();
                    step.path("artifacts").properties().forEach(artifact -> {
                        if (artifact.getKey().startsWith(DNS_ARTIFACT_PREFIX)) {
                            records.add(artifact.getKey().substring(DNS_ARTIFACT_PREFIX.length()) + " → "
                                    + artifact.getValue().asText());
                        }
                    });
                    if (!records.isEmpty()) {
                        return new ClusterRouting.LastDnsUpdate(cluster.lastOperation().taskId(),
                                task.path("type").asText(), records, instant(step.path("finishedAt")));
                    }
                }
            }
            return null;
        }).orElse(null);
    }

    private static Instant instant(JsonNode node) {
        return node.isTextual() ? Instant.parse(node.asText()) : null;
    }
}
