package io.drsuite.relationship.service;

import io.drsuite.platform.origin.ChangeOrigins;
import io.drsuite.events.relationship.RelationshipChanged;
import io.drsuite.events.relationship.RelationshipEvents;
import io.drsuite.events.task.DnsRoutes;
import io.drsuite.events.task.ClusterTasks;
import io.drsuite.events.task.DrTasks;
import io.drsuite.events.task.DrillTasks;
import io.drsuite.events.task.TaskEvents;
import io.drsuite.events.task.TaskRequested;
import io.drsuite.events.task.TaskResumeRequested;
import io.drsuite.platform.outbox.EventOutbox;
import io.drsuite.relationship.model.Cluster;
import io.drsuite.relationship.model.Relationship;
import io.drsuite.relationship.model.RelationshipOperation;
import io.drsuite.relationship.routing.ClusterRouting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Requests DR tasks from task-service and announces relationship changes, both through the outbox in the
 * transaction that changes the relationship.
 */
@ApplicationScoped
public class RelationshipTasks {

    private final EventOutbox outbox;
    private final ClusterRouting routing;

    RelationshipTasks(EventOutbox outbox, ClusterRouting routing) {
        this.outbox = outbox;
        this.routing = routing;
    }

    /**
     * Requests the operation's task for the relationship, with its current primary and DR clusters in those roles
     * for the task's length, and marks it in flight. A switchover or failover also carries the DNS names that follow
     * the promotion (the relationship's and the DR cluster's), with their keys sealed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID request(Relationship relationship, RelationshipOperation operation, Map<String, String> extra) {
        Map<String, String> parameters = new HashMap<>(extra);
        parameters.put(DrTasks.RELATIONSHIP_ID, relationship.id.toString());
        parameters.put(DrTasks.RELATIONSHIP_NAME, relationship.name);
        parameters.put(DrTasks.PRIMARY_CLUSTER, relationship.primaryCluster);
        parameters.put(DrTasks.DR_CLUSTER, relationship.drCluster);
        parameters.put(DrTasks.SYNC_MODE, relationship.syncMode.wireName());
        for (String name : List.of(relationship.primaryCluster, relationship.drCluster)) {
            Cluster.findByName(name).ifPresent(cluster ->
                    parameters.put(ClusterTasks.mainNodeParameter(name), cluster.mainNode().name));
        }
        // The local synchronous standbys of the cluster that is primary once the task is done, which a DR task
        // writes into synchronous_standby_names beside the DR main standby.
        Cluster.findByName(operation.movesProduction() ? relationship.drCluster : relationship.primaryCluster)
                .ifPresent(primary -> {
                    parameters.put(ClusterTasks.SYNC_STANDBY_COUNT, String.valueOf(primary.syncStandbyCount));
                    if (!primary.synchronousStandbyNodes().isEmpty()) {
                        parameters.put(ClusterTasks.SYNC_STANDBY_NODES, primary.syncStandbyNodes);
                    }
                });
        if (operation.promotesDr()) {
            DnsRoutes.write(routing.dnsRoutesFollowingPromotionOf(relationship), parameters);
        }
        if (operation == RelationshipOperation.SWITCHOVER_ROUND_TRIP) {
            parameters.putAll(returnLeg(relationship));
        }
        TaskRequested request = new TaskRequested(UUID.randomUUID(), operation.taskType(),
                relationship.id.toString(), List.of(relationship.primaryCluster, relationship.drCluster), parameters,
                relationship.timeoutSeconds, Instant.now());
        outbox.record(TaskEvents.REQUESTED, request.taskId().toString(), request);
        relationship.startTask(request.taskId(), operation);
        return request.taskId();
    }

    /**
     * What a round trip's return leg needs in place of the outward leg's parameters: the names that follow
     * production back, and the local synchronous standbys of the primary cluster, primary again at the end.
     */
    private Map<String, String> returnLeg(Relationship relationship) {
        Map<String, String> returning = new HashMap<>();
        DnsRoutes.write(routing.dnsRoutesFollowingReturnOf(relationship), returning);
        Cluster.findByName(relationship.primaryCluster).ifPresent(primary -> {
            returning.put(ClusterTasks.SYNC_STANDBY_COUNT, String.valueOf(primary.syncStandbyCount));
            if (!primary.synchronousStandbyNodes().isEmpty()) {
                returning.put(ClusterTasks.SYNC_STANDBY_NODES, primary.syncStandbyNodes);
            }
        });
        Map<String, String> prefixed = new HashMap<>();
        returning.forEach((key, value) -> prefixed.put(DrillTasks.RETURN_LEG_PREFIX + key, value));
        return prefixed;
    }

    /** Asks task-service to resume the relationship's failed task, which is in flight again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID resume(Relationship relationship) {
        UUID taskId = relationship.resumeTask();
        outbox.record(TaskEvents.RESUME_REQUESTED, taskId.toString(), new TaskResumeRequested(taskId,
                relationship.id.toString(), Objects.requireNonNullElse(ChangeOrigins.current().requestedBy(),
                "relationship-service"), Instant.now()));
        return taskId;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(Relationship relationship) {
        outbox.record(RelationshipEvents.CHANGED, relationship.id.toString(), new RelationshipChanged(relationship.id,
                relationship.name, relationship.phase.wireName(), relationship.primaryCluster,
                relationship.drCluster, relationship.syncMode.wireName(),
                relationship.primaryState.wireName(), relationship.drState.wireName(), Instant.now(),
                relationship.rpoObjectiveSeconds, relationship.rtoObjectiveSeconds));
    }
}
