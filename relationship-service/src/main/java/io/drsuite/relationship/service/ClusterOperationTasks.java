package io.drsuite.relationship.service;

import io.drsuite.events.cluster.ClusterChanged;
import io.drsuite.events.cluster.ClusterEvents;
import io.drsuite.events.task.ClusterTasks;
import io.drsuite.events.task.DnsRoute;
import io.drsuite.events.task.DnsRoutes;
import io.drsuite.events.task.DrTasks;
import io.drsuite.events.task.TaskEvents;
import io.drsuite.events.task.TaskRequested;
import io.drsuite.events.task.TaskResumeRequested;
import io.drsuite.platform.origin.ChangeOrigins;
import io.drsuite.platform.outbox.EventOutbox;
import io.drsuite.relationship.config.RelationshipConfig;
import io.drsuite.relationship.model.Cluster;
import io.drsuite.relationship.model.ClusterOperation;
import io.drsuite.relationship.model.Relationship;
import io.drsuite.relationship.routing.ClusterRouting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Requests the tasks of operations inside a cluster from task-service and announces the cluster's node list, both
 * through the outbox in the transaction that changes the cluster.
 */
@ApplicationScoped
public class ClusterOperationTasks {

    private final EventOutbox outbox;
    private final ClusterRouting routing;
    private final RelationshipConfig config;

    ClusterOperationTasks(EventOutbox outbox, ClusterRouting routing, RelationshipConfig config) {
        this.outbox = outbox;
        this.routing = routing;
        this.config = config;
    }

    /**
     * Requests the operation's task and marks it running on the cluster. The task holds the cluster, and the DR
     * cluster too while the DR side streams from this one (it re-points the DR main standby); a switchover or
     * failover carries the DNS names that follow the primary.
     *
     * @param node the node the operation promotes, rebuilds or adds, or null (a failover that lets the task choose)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    UUID request(ClusterAdmission admission, ClusterOperation operation, String node, Map<String, String> extra) {
        Cluster cluster = admission.cluster();
        Map<String, String> parameters = new HashMap<>(extra);
        parameters.put(ClusterTasks.CLUSTER, cluster.name);
        parameters.put(ClusterTasks.mainNodeParameter(cluster.name), cluster.mainNode().name);
        parameters.put(ClusterTasks.SYNC_STANDBY_COUNT, String.valueOf(cluster.syncStandbyCount));
        if (!cluster.synchronousStandbyNodes().isEmpty()) {
            parameters.put(ClusterTasks.SYNC_STANDBY_NODES, cluster.syncStandbyNodes);
        }
        List<String> clusters = new ArrayList<>(List.of(cluster.name));
        List<DnsRoute> routes = new ArrayList<>(operation.movesPrimary()
                ? routing.dnsRoutesForCluster(cluster.name) : List.of());
        int timeoutSeconds = config.defaultTimeoutSeconds();
        if (admission.relationship() != null) {
            Relationship relationship = admission.relationship();
            timeoutSeconds = relationship.timeoutSeconds;
            if (operation.movesPrimary()) {
                routes.addAll(routing.dnsRoutesForRelationship(relationship.id));
            }
            if (admission.carriesDr()) {
                parameters.put(DrTasks.RELATIONSHIP_ID, relationship.id.toString());
                parameters.put(DrTasks.RELATIONSHIP_NAME, relationship.name);
                parameters.put(DrTasks.DR_CLUSTER, relationship.drCluster);
                parameters.put(DrTasks.SYNC_MODE, relationship.syncMode.wireName());
                Cluster.findByName(relationship.drCluster).ifPresent(dr ->
                        parameters.put(ClusterTasks.mainNodeParameter(dr.name), dr.mainNode().name));
                clusters.add(relationship.drCluster);
            }
        }
        DnsRoutes.write(routes, parameters);
        TaskRequested request = new TaskRequested(UUID.randomUUID(), operation.taskType(), cluster.id.toString(),
                clusters, parameters, timeoutSeconds, Instant.now());
        outbox.record(TaskEvents.REQUESTED, request.taskId().toString(), request);
        cluster.startOperation(request.taskId(), operation, node);
        return request.taskId();
    }

    /** Asks task-service to resume the cluster's failed task, which is the running operation again. */
    @Transactional(Transactional.TxType.MANDATORY)
    UUID resume(Cluster cluster) {
        UUID taskId = cluster.resumeOperation();
        outbox.record(TaskEvents.RESUME_REQUESTED, taskId.toString(), new TaskResumeRequested(taskId,
                cluster.id.toString(), Objects.requireNonNullElse(ChangeOrigins.current().requestedBy(),
                "relationship-service"), Instant.now()));
        return taskId;
    }

    /** The cluster's whole node list, which replaces the one every projection holds. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(Cluster cluster) {
        outbox.record(ClusterEvents.CHANGED, cluster.id.toString(), new ClusterChanged(cluster.id, cluster.name,
                ClusterRegistry.eventNodes(cluster), Instant.now()));
    }
}
