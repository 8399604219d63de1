package io.drsuite.relationship.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.cluster.NodeRole;
import io.drsuite.events.task.ClusterTasks;
import io.drsuite.events.task.TaskEvents;
import io.drsuite.events.task.TaskFinished;
import io.drsuite.events.task.TaskProgressed;
import io.drsuite.platform.inbox.EventInbox;
import io.drsuite.platform.inbox.IncomingEvent;
import io.drsuite.relationship.model.Cluster;
import io.drsuite.relationship.model.ClusterOperation;
import io.drsuite.relationship.model.Relationship;
import io.drsuite.relationship.model.RelationshipCluster;
import io.drsuite.relationship.routing.ClusterRouting;
import io.drsuite.relationship.routing.RoleChange;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Folds the events of cluster tasks ({@code cluster.*}, target = cluster id) into the registry, each once. Only
 * events of the cluster's running operation count. From the promote step on, another node is the primary: when
 * the promote step of a switchover to a named node succeeds, or when the finished task's artifacts name a new
 * primary (also after a failure past the promotion), that node becomes the cluster's main node, the node list is
 * announced, and the routing hears of the role change, all in the transaction that records the event.
 */
@ApplicationScoped
public class ClusterFolding {

    private static final Logger LOG = Logger.getLogger(ClusterFolding.class);
    private static final String STEP_SUCCEEDED = "succeeded";

    private final EventInbox inbox;
    private final ClusterOperationTasks tasks;
    private final RelationshipTasks relationshipTasks;
    private final ClusterRouting routing;
    private final MeterRegistry metrics;
    private final ObjectMapper json;

    ClusterFolding(EventInbox inbox, ClusterOperationTasks tasks, RelationshipTasks relationshipTasks,
            ClusterRouting routing, MeterRegistry metrics, ObjectMapper json) {
        this.inbox = inbox;
        this.tasks = tasks;
        this.relationshipTasks = relationshipTasks;
        this.routing = routing;
        this.metrics = metrics;
        this.json = json;
    }

    /** Whether the event is the progress or end of a cluster task: this folding takes it, not the relationship one. */
    public boolean handles(IncomingEvent event) {
        if (event.is(TaskEvents.PROGRESSED)) {
            return ClusterOperation.ofTaskType(event.payload(TaskEvents.PROGRESSED, json).type()).isPresent();
        }
        return event.is(TaskEvents.FINISHED)
                && ClusterOperation.ofTaskType(event.payload(TaskEvents.FINISHED, json).type()).isPresent();
    }

    @Transactional
    public void apply(IncomingEvent event) {
        if (!inbox.firstDelivery(event)) {
            return;
        }
        if (event.is(TaskEvents.PROGRESSED)) {
            TaskProgressed progress = event.payload(TaskEvents.PROGRESSED, json);
            running(progress.target(), progress.taskId()).ifPresent(cluster -> progress(cluster, progress));
        } else {
            TaskFinished finished = event.payload(TaskEvents.FINISHED, json);
            running(finished.target(), finished.taskId()).ifPresent(cluster -> finish(cluster, finished));
        }
    }

    private static Optional<Cluster> running(String target, UUID taskId) {
        UUID id;
        try {
            id = UUID.fromString(target);
        } catch (IllegalArgumentException notACluster) {
            return Optional.empty();
        }
        return Cluster.findForUpdate(id).filter(cluster -> taskId.equals(cluster.operationTaskId));
    }

    private void progress(Cluster cluster, TaskProgressed progress) {
        cluster.progressOperation(progress.step(), progress.percent());
        boolean promoted = ClusterTasks.PROMOTE_STEP.equals(progress.step())
                && STEP_SUCCEEDED.equals(progress.stepState());
        if (promoted && cluster.operationNode != null
                && ClusterOperation.ofTaskType(progress.type()).filter(ClusterOperation::movesPrimary).isPresent()) {
            movePrimary(cluster, cluster.operationNode, progress.taskId(), progress.type(), progress.at());
        }
    }

    private void finish(Cluster cluster, TaskFinished finished) {
        String newPrimary = finished.artifacts().get(ClusterTasks.NEW_PRIMARY);
        if (newPrimary != null) {
            movePrimary(cluster, newPrimary, finished.taskId(), finished.type(), finished.at());
        }
        cluster.finishOperation(finished.state(), finished.error(), finished.rolledBack(), finished.at());
        relationship(cluster).ifPresent(relationshipTasks::announce);
        metrics.counter("drsuite.cluster.operations", "type", finished.type(), "result",
                finished.state().wireName()).increment();
        LOG.infof("Cluster %s: task %s (%s) %s; %s is primary%s", cluster.name, finished.taskId(), finished.type(),
                finished.state().wireName(), cluster.mainNode().name,
                finished.error() == null ? "" : " (" + finished.error() + ")");
    }

    private void movePrimary(Cluster cluster, String nodeName, UUID taskId, String type, Instant at) {
        if (cluster.node(nodeName).isEmpty()) {
            LOG.warnf("Cluster %s: task %s names %s as the new primary, which is no node of the cluster",
                    cluster.name, taskId, nodeName);
            return;
        }
        String formerPrimary = cluster.nodes.stream().filter(node -> node.role == NodeRole.PRIMARY)
                .map(node -> node.name).findFirst().orElse(null);
        if (!cluster.movePrimaryTo(nodeName)) {
            return;
        }
        tasks.announce(cluster);
        Optional<Relationship> relationship = relationship(cluster);
        routing.roleChanged(new RoleChange(relationship.map(found -> found.name).orElse(null), cluster.name,
                formerPrimary, nodeName, taskId, type, at));
        relationship.ifPresent(relationshipTasks::announce);
        metrics.counter("drsuite.cluster.primary.moves", "type", type).increment();
        LOG.infof("Cluster %s: %s is the primary now (was %s), task %s", cluster.name, nodeName, formerPrimary,
                taskId);
    }

    private static Optional<Relationship> relationship(Cluster cluster) {
        return RelationshipCluster.of(cluster.name).map(member -> Relationship.findById(member.relationshipId));
    }
}
