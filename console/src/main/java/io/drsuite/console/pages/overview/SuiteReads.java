package io.drsuite.console.pages.overview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.drsuite.console.projection.RelationshipBoard;
import io.drsuite.console.projection.RelationshipCard;
import io.drsuite.console.projection.RelationshipCard.Health;
import io.drsuite.console.projection.RelationshipCard.Operation;
import io.drsuite.console.services.Service;
import io.drsuite.console.services.SuiteApi;
import jakarta.enterprise.context.RequestScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the overview reads from the services as the signed-in user, seeding the console's projection with it: every
 * relationship with its latest health, the firing alerts, and the clusters no relationship holds.
 */
@RequestScoped
public class SuiteReads {

    private final SuiteApi api;
    private final RelationshipBoard board;

    SuiteReads(SuiteApi api, RelationshipBoard board) {
        this.api = api;
        this.board = board;
    }

    /** Reads every relationship and its health, and makes the projection hold exactly those. */
    public List<RelationshipCard> relationships() {
        List<RelationshipCard> read = new ArrayList<>();
        for (JsonNode relationship : api.list(Service.RELATIONSHIP, "/api/v1/relationships", Map.of("limit", 200))) {
            read.add(card(relationship, health(UUID.fromString(relationship.path("id").asText()))));
        }
        board.seedAll(read);
        return board.all();
    }

    /** One relationship, from the projection when it knows it, else read (and remembered). */
    public Optional<RelationshipCard> relationship(UUID id) {
        if (board.knows(id)) {
            return board.find(id);
        }
        Optional<JsonNode> relationship = api.find(Service.RELATIONSHIP, "/api/v1/relationships/{id}", id);
        relationship.ifPresent(found -> board.seed(card(found, health(id))));
        return board.find(id);
    }

    public List<FiringAlert> firingAlerts() {
        List<FiringAlert> firing = new ArrayList<>();
        api.list(Service.MONITOR, "/api/v1/alerts", Map.of("state", "firing", "limit", 200))
                .forEach(alert -> firing.add(FiringAlert.of(alert)));
        return firing;
    }

    /** Registered clusters that are not a side of a relationship holding them (not stopped, not failed over). */
    public List<UnprotectedCluster> unprotectedClusters(List<RelationshipCard> relationships) {
        Set<String> held = relationships.stream()
                .filter(card -> !"stopped".equals(card.phase()) && !"failed_over".equals(card.phase()))
                .flatMap(card -> Stream.of(card.primaryCluster(), card.drCluster()))
                .collect(Collectors.toSet());
        List<UnprotectedCluster> unprotected = new ArrayList<>();
        api.list(Service.RELATIONSHIP, "/api/v1/clusters", Map.of("limit", 200)).forEach(cluster -> {
            if (!held.contains(cluster.path("name").asText())) {
                unprotected.add(UnprotectedCluster.of(cluster));
            }
        });
        return unprotected;
    }

    private Health health(UUID relationshipId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return api.find(Service.MONITOR, "/api/v1/health/relationships/{id}",
                        Map.of("from", now.minusSeconds(1), "to", now, "limit", 1), relationshipId)
                .map(history -> history.path("latest"))
                .filter(latest -> !latest.isMissingNode() && !latest.isNull())
                .map(latest -> new Health(longOrNull(latest.path("lagBytes")), doubleOrNull(latest.path("lagSeconds")),
                        doubleOrNull(latest.path("rpoEstimateSeconds")), latest.path("primaryState").asText(null),
                        latest.path("drState").asText(null), instant(latest.path("sampledAt"))))
                .orElse(null);
    }

    static RelationshipCard card(JsonNode view, Health health) {
        JsonNode primary = side(view, "primary");
        JsonNode dr = side(view, "disaster_standby");
        JsonNode task = view.path("currentTask");
        Instant updatedAt = instant(view.path("updatedAt"));
        Operation operation = task.isObject() ? new Operation(UUID.fromString(task.path("id").asText()),
                task.path("type").asText(), task.path("step").asText(null), task.path("percent").asInt(),
                updatedAt) : null;
        return new RelationshipCard(UUID.fromString(view.path("id").asText()), view.path("name").asText(),
                view.path("phase").asText(), view.path("syncMode").asText(), primary.path("name").asText(),
                primary.path("state").asText(null), dr.path("name").asText(), dr.path("state").asText(null),
                updatedAt, health, operation);
    }

    private static JsonNode side(JsonNode view, String role) {
        for (JsonNode cluster : view.path("clusters")) {
            if (role.equals(cluster.path("role").asText())) {
                return cluster;
            }
        }
        return MissingNode.getInstance();
    }

    private static Long longOrNull(JsonNode node) {
        return node.isNumber() ? node.asLong() : null;
    }

    private static Double doubleOrNull(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }

    private static Instant instant(JsonNode node) {
        return node.isTextual() ? Instant.parse(node.asText()) : null;
    }
}
