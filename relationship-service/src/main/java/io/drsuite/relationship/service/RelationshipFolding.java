package io.drsuite.relationship.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.health.HealthEvents;
import io.drsuite.events.health.RelationshipHealthChanged;
import io.drsuite.events.relationship.ClusterState;
import io.drsuite.events.task.DrTasks;
import io.drsuite.events.task.TaskEvents;
import io.drsuite.events.task.TaskFinished;
import io.drsuite.events.task.TaskProgressed;
import io.drsuite.platform.inbox.EventInbox;
import io.drsuite.platform.inbox.IncomingEvent;
import io.drsuite.relationship.model.Relationship;
import io.drsuite.relationship.model.RelationshipCluster;
import io.drsuite.relationship.model.RelationshipOperation;
import io.drsuite.relationship.model.TaskOutcome;
import io.drsuite.relationship.routing.ClusterRouting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Folds task events into relationship state, each event once. Only events of the relationship's task in flight
 * count: a late event of an earlier task changes nothing.
 */
@ApplicationScoped
public class RelationshipFolding {

    private static final Logger LOG = Logger.getLogger(RelationshipFolding.class);

    private final EventInbox inbox;
    private final RelationshipTasks tasks;
    private final ClusterRouting routing;
    private final ObjectMapper json;

    RelationshipFolding(EventInbox inbox, RelationshipTasks tasks, ClusterRouting routing, ObjectMapper json) {
        this.inbox = inbox;
        this.tasks = tasks;
        this.routing = routing;
        this.json = json;
    }

    /**
     * monitor-service's view of an active relationship: its health words replace the stored states, so the list
     * and the events show {@code archive_fail} / {@code recovery_fail} while the DR link is broken. During a task
     * the task's states win. A reason (the relationship's slot was lost) is kept as the relationship's last error.
     */
    @Transactional
    public void applyHealth(IncomingEvent event) {
        if (!event.is(HealthEvents.RELATIONSHIP_HEALTH_CHANGED) || !inbox.firstDelivery(event)) {
            return;
        }
        RelationshipHealthChanged health = event.payload(HealthEvents.RELATIONSHIP_HEALTH_CHANGED, json);
        ClusterState primaryState = ClusterState.fromWire(health.primaryState());
        ClusterState drState = ClusterState.fromWire(health.drState());
        Relationship.findForUpdate(health.relationshipId())
                .filter(relationship -> relationship.phase.isSteady() && !relationship.hasTaskInFlight())
                .filter(relationship -> primaryState != relationship.primaryState || drState != relationship.drState
                        || health.reason() != null && !health.reason().equals(relationship.lastError))
                .ifPresent(relationship -> {
                    relationship.setStates(primaryState, drState);
                    if (health.reason() != null) {
                        // A slot invalidated by max_slot_wal_keep_size: waiting will not heal the link.
                        relationship.lastError = health.reason();
                    }
                    tasks.announce(relationship);
                    LOG.infof("Relationship %s: monitor-service reports %s / %s%s", relationship.name,
                            health.primaryState(), health.drState(),
                            health.reason() == null ? "" : " (" + health.reason() + ")");
                });
    }

    @Transactional
    public void apply(IncomingEvent event) {
        boolean progressed = event.is(TaskEvents.PROGRESSED);
        if (!progressed && !event.is(TaskEvents.FINISHED)) {
            return;
        }
        if (!inbox.firstDelivery(event)) {
            return;
        }
        fold(event);
    }

    /**
     * Applies a task event to the relationship whose task it is, without the inbox: for a caller that took the event
     * through the inbox itself (a drill that is the relationship's operation), in its transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fold(IncomingEvent event) {
        if (event.is(TaskEvents.PROGRESSED)) {
            TaskProgressed progress = event.payload(TaskEvents.PROGRESSED, json);
            inFlight(progress.target(), progress.taskId()).ifPresent(relationship -> progress(relationship, progress));
        } else {
            TaskFinished finished = event.payload(TaskEvents.FINISHED, json);
            inFlight(finished.target(), finished.taskId()).ifPresent(relationship -> finish(relationship, finished));
        }
    }

    private static Optional<Relationship> inFlight(String target, UUID taskId) {
        UUID id;
        try {
            id = UUID.fromString(target);
        } catch (IllegalArgumentException notARelationship) {
            return Optional.empty();
        }
        return Relationship.findForUpdate(id).filter(relationship -> taskId.equals(relationship.currentTaskId));
    }

    private static void progress(Relationship relationship, TaskProgressed progress) {
        relationship.currentStep = progress.step();
        relationship.taskPercent = progress.percent();
        RelationshipOperation.ofTaskType(progress.type()).ifPresent(operation -> {
            if (operation.reportsSwitchoverPercent()) {
                relationship.switchoverPercent = progress.percent();
            } else if (operation.reportsFailoverPercent()) {
                relationship.failoverPercent = progress.percent();
            }
        });
        relationship.touch();
    }

    private void finish(Relationship relationship, TaskFinished finished) {
        Optional<RelationshipOperation> operation = RelationshipOperation.ofTaskType(finished.type());
        TaskOutcome outcome = operation.map(known -> known.outcome(finished)).orElse(TaskOutcome.FAILED);
        if (finished.succeeded() && operation.filter(RelationshipOperation::reportsSwitchoverPercent).isPresent()) {
            relationship.switchoverPercent = 100;
        }
        if (operation.filter(RelationshipOperation::reportsFailoverPercent).isPresent()) {
            relationship.failoverPercent = finished.succeeded() ? Integer.valueOf(100) : relationship.failoverPercent;
            String loss = finished.artifacts().get(DrTasks.ESTIMATED_DATA_LOSS_BYTES);
            relationship.estimatedDataLossBytes = loss == null ? null : Long.valueOf(loss);
        }
        relationship.finishTask(outcome, finished.error());
        if (outcome.swapsRoles() && operation.filter(RelationshipOperation::promotesDr).isPresent()) {
            routing.drPromoted(relationship, finished.taskId(), finished.type());
        }
        if (outcome.releasesClusters()) {
            RelationshipCluster.releaseAll(relationship.id);
        }
        tasks.announce(relationship);
        LOG.infof("Relationship %s: task %s (%s) %s; now %s, %s is primary", relationship.name, finished.taskId(),
                finished.type(), finished.state().wireName(), relationship.phase.wireName(), relationship.primaryCluster);
    }
}
