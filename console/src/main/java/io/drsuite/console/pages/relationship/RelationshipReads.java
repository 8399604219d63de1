package io.drsuite.console.pages.relationship;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.drsuite.console.services.Service;
import io.drsuite.console.services.ServiceRefusal;
import io.drsuite.console.services.SuiteApi;
import io.drsuite.events.relationship.RelationshipPhase;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the relationship page reads from the services as the signed-in user: the relationship, both clusters'
 * registrations and latest node samples, its tasks, and its lag history.
 */
@RequestScoped
public class RelationshipReads {

    /** monitor-service pages of history read for one chart at most (500 points each). */
    private static final int MOST_HISTORY_PAGES = 24;

    private final SuiteApi api;

    RelationshipReads(SuiteApi api) {
        this.api = api;
    }

    public RelationshipDetail relationship(UUID id) {
        return api.find(Service.RELATIONSHIP, "/api/v1/relationships/{id}", id).map(RelationshipDetail::of)
                .orElseThrow(NotFoundException::new);
    }

    public Topology topology(RelationshipDetail relationship) {
        return Topology.of(cluster(relationship.primaryCluster()), clusterHealth(relationship.primaryCluster()),
                cluster(relationship.drCluster()), clusterHealth(relationship.drCluster()),
                RelationshipPhase.fromWire(relationship.phase()).isReplicating());
    }

    /** The registered ids of both clusters, for the live signals the page listens to. */
    public List<String> clusterIds(RelationshipDetail relationship) {
        List<String> ids = new ArrayList<>();
        for (String name : List.of(relationship.primaryCluster(), relationship.drCluster())) {
            JsonNode id = cluster(name).path("id");
            if (id.isTextual()) {
                ids.add(id.asText());
            }
        }
        return ids;
    }

    /** The relationship's tasks, newest first. */
    public List<PastOperation> operations(UUID id) {
        List<PastOperation> operations = new ArrayList<>();
        api.get(Service.TASK, "/api/v1/tasks", Map.of("target", id, "limit", 50))
                .forEach(task -> operations.add(PastOperation.of(task)));
        return operations;
    }

    public TaskPanel task(UUID relationshipId, UUID taskId) {
        return api.find(Service.TASK, "/api/v1/tasks/{id}", taskId).map(task -> TaskPanel.of(relationshipId, task))
                .orElseThrow(NotFoundException::new);
    }

    /** The task, or, while task-service has not created it yet, the task as requested. */
    public TaskPanel taskOrRequested(UUID relationshipId, UUID taskId, String type) {
        return api.find(Service.TASK, "/api/v1/tasks/{id}", taskId).map(task -> TaskPanel.of(relationshipId, task))
                .orElseGet(() -> TaskPanel.requested(relationshipId, taskId, type));
    }

    /** The task running on the relationship, else the last one that ran; empty before any. */
    public Optional<TaskPanel> latestTask(RelationshipDetail relationship, List<PastOperation> operations) {
        if (relationship.task() != null) {
            return Optional.of(taskOrRequested(relationship.id(), relationship.task().id(),
                    relationship.task().type()));
        }
        return operations.stream().findFirst().map(newest -> task(relationship.id(), newest.taskId()));
    }

    /** The type of the failed task an {@code error} phase would resume, null when there is none. */
    public String failedTaskType(List<PastOperation> operations) {
        return operations.stream().findFirst().filter(newest -> "failed".equals(newest.state()))
                .map(PastOperation::type).orElse(null);
    }

    public LagHistory lagHistory(UUID id, String range) {
        Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant from = to.minus(LagHistory.range(range));
        try {
            return LagHistory.of(range, from, to, api.pages(Service.MONITOR, MOST_HISTORY_PAGES,
                    "/api/v1/health/relationships/{id}", Map.of("from", from, "to", to, "limit", 500), id));
        } catch (ServiceRefusal refusal) {
            if (refusal.notFound()) {
                return LagHistory.of(range, from, to, List.of());
            }
            throw refusal;
        }
    }

    private JsonNode cluster(String name) {
        return api.find(Service.RELATIONSHIP, "/api/v1/clusters/{name}", name)
                .orElse(MissingNode.getInstance());
    }

    /** monitor-service's latest samples of the cluster's nodes; nothing when it has not polled it yet. */
    private JsonNode clusterHealth(String name) {
        try {
            return api.find(Service.MONITOR, "/api/v1/health/clusters/{name}", name)
                    .orElse(MissingNode.getInstance());
        } catch (ServiceRefusal unavailable) {
            return MissingNode.getInstance();
        }
    }
}
