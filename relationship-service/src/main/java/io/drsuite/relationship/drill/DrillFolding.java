package io.drsuite.relationship.drill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.drill.DrillEvents;
import io.drsuite.events.drill.RestoreTestRefused;
import io.drsuite.events.task.DrillTasks;
import io.drsuite.events.task.TaskEvents;
import io.drsuite.events.task.TaskFinished;
import io.drsuite.events.task.TaskProgressed;
import io.drsuite.platform.inbox.EventInbox;
import io.drsuite.platform.inbox.IncomingEvent;
import io.drsuite.relationship.service.RelationshipFolding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Folds the events of drill tasks into the drill, each once: progress onto its step timeline, the end into its
 * figures, checks and verdict. Only events of the drill's own task while it runs count, so a redelivered or late
 * event changes nothing. The task of a drill that is the relationship's operation (a switchover round trip) is
 * folded into the relationship too, in the same transaction.
 */
@ApplicationScoped
public class DrillFolding {

    private static final Logger LOG = Logger.getLogger(DrillFolding.class);
    private static final TypeReference<List<CheckOutcome>> CHECKS = new TypeReference<>() {
    };

    private final EventInbox inbox;
    private final DrillAnnouncements announcements;
    private final RelationshipFolding relationships;
    private final ObjectMapper json;

    DrillFolding(EventInbox inbox, DrillAnnouncements announcements, RelationshipFolding relationships,
            ObjectMapper json) {
        this.inbox = inbox;
        this.announcements = announcements;
        this.relationships = relationships;
        this.json = json;
    }

    /** Whether the event is the progress or end of a drill task: this folding takes it, no other. */
    public boolean handles(IncomingEvent event) {
        if (event.is(TaskEvents.PROGRESSED)) {
            return DrillKind.ofTaskType(event.payload(TaskEvents.PROGRESSED, json).type()).isPresent();
        }
        return event.is(TaskEvents.FINISHED)
                && DrillKind.ofTaskType(event.payload(TaskEvents.FINISHED, json).type()).isPresent();
    }

    @Transactional
    public void apply(IncomingEvent event) {
        if (!inbox.firstDelivery(event)) {
            return;
        }
        if (event.is(TaskEvents.PROGRESSED)) {
            TaskProgressed progress = event.payload(TaskEvents.PROGRESSED, json);
            running(progress.taskId())
                    .ifPresent(drill -> drill.recordStep(progress.step(), progress.percent(), progress.at()));
            foldIntoRelationship(event, progress.type());
        } else {
            TaskFinished finished = event.payload(TaskEvents.FINISHED, json);
            running(finished.taskId()).ifPresent(drill -> finish(drill, finished));
            foldIntoRelationship(event, finished.type());
        }
    }

    /** A drill that ended without its task (snapshot-service refused the restore test) ends failed with why. */
    @Transactional
    public void refused(IncomingEvent event) {
        if (!inbox.firstDelivery(event)) {
            return;
        }
        RestoreTestRefused refused = event.payload(DrillEvents.RESTORE_TEST_REFUSED, json);
        Drill.findForUpdate(refused.drillId()).filter(Drill::isRunning)
                .filter(drill -> drill.taskId.equals(refused.taskId())).ifPresent(drill -> {
                    drill.taskError = refused.reason();
                    drill.finish(new DrillVerdict(false, List.of("snapshot-service started no restore: "
                            + refused.reason())), refused.at());
                    announcements.announce(drill);
                    LOG.infof("Drill %s of relationship %s failed: %s", drill.id, drill.relationshipName,
                            refused.reason());
                });
    }

    private void foldIntoRelationship(IncomingEvent event, String taskType) {
        if (DrillKind.ofTaskType(taskType).filter(DrillKind::isRelationshipOperation).isPresent()) {
            relationships.fold(event);
        }
    }

    private static Optional<Drill> running(UUID taskId) {
        return Drill.findByTaskForUpdate(taskId).filter(Drill::isRunning);
    }

    private void finish(Drill drill, TaskFinished finished) {
        Map<String, String> artifacts = finished.artifacts();
        drill.taskState = finished.state();
        drill.taskError = finished.error();
        drill.failedStep = finished.failedStep();
        drill.rtoSeconds = decimal(artifacts.get(DrillTasks.RTO_SECONDS));
        drill.rpoBytes = whole(artifacts.get(DrillTasks.RPO_BYTES));
        drill.rpoSeconds = decimal(artifacts.get(DrillTasks.RPO_SECONDS));
        drill.declaredAt = instant(artifacts.get(DrillTasks.DECLARED_AT));
        drill.dataPointLsn = artifacts.get(DrillTasks.DATA_POINT_LSN);
        drill.sourcePauseSeconds = decimal(artifacts.get(DrillTasks.SOURCE_PAUSE_SECONDS));
        drill.outageThereSeconds = decimal(artifacts.get(DrillTasks.OUTAGE_THERE_SECONDS));
        drill.outageBackSeconds = decimal(artifacts.get(DrillTasks.OUTAGE_BACK_SECONDS));
        drill.canaryCommits = whole(artifacts.get(DrillTasks.CANARY_COMMITS));
        drill.canaryLostCommits = whole(artifacts.get(DrillTasks.CANARY_LOST_COMMITS));
        drill.restoreSeconds = decimal(artifacts.get(DrillTasks.RESTORE_SECONDS));
        drill.restoredLsn = artifacts.get(DrillTasks.RESTORED_LSN);
        drill.restoreObjectiveSeconds = wholeInt(artifacts.get(DrillTasks.RESTORE_OBJECTIVE_SECONDS));
        drill.snapshotId = uuid(artifacts.get(DrillTasks.SNAPSHOT_ID));
        if (drill.kind == DrillKind.SWITCHOVER_ROUND_TRIP) {
            drill.rtoSeconds = longer(drill.outageThereSeconds, drill.outageBackSeconds);
        }
        drill.checks = checks(drill, artifacts.get(DrillTasks.CHECKS));
        drill.finish(DrillVerdict.of(drill), finished.at());
        announcements.announce(drill);
        LOG.infof("Drill %s of relationship %s %s (task %s)%s", drill.id, drill.relationshipName,
                drill.state.wireName(), finished.state().wireName(),
                drill.reasons.isEmpty() ? "" : ": " + String.join("; ", drill.reasons));
    }

    private List<CheckOutcome> checks(Drill drill, String artifact) {
        if (artifact == null || artifact.isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(artifact, CHECKS);
        } catch (JsonProcessingException e) {
            LOG.warnf("Drill %s: the task's checks artifact is not a JSON array of checks (%s)", drill.id,
                    e.getOriginalMessage());
            return List.of(new CheckOutcome("checks", "report", false, "the task's check results were unreadable"));
        }
    }

    private static Double decimal(String value) {
        try {
            return value == null ? null : Double.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long whole(String value) {
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer wholeInt(String value) {
        Long whole = whole(value);
        return whole == null ? null : Math.toIntExact(whole);
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A round trip's RTO: its longer outage, or the one measured. */
    private static Double longer(Double there, Double back) {
        if (there == null || back == null) {
            return there == null ? back : there;
        }
        return Math.max(there, back);
    }

    private static Instant instant(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
