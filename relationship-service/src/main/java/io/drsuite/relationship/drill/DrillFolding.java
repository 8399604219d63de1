package io.drsuite.relationship.drill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.task.DrillTasks;
import io.drsuite.events.task.TaskEvents;
import io.drsuite.events.task.TaskFinished;
import io.drsuite.events.task.TaskProgressed;
import io.drsuite.platform.inbox.EventInbox;
import io.drsuite.platform.inbox.IncomingEvent;
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
 * Folds the events of drill tasks (target = drill id) into the drill, each once: progress onto its step timeline,
 * the end into its figures, checks and verdict. Only events of the drill's own task while it runs count, so a
 * redelivered or late event changes nothing.
 */
@ApplicationScoped
public class DrillFolding {

    private static final Logger LOG = Logger.getLogger(DrillFolding.class);
    private static final TypeReference<List<CheckOutcome>> CHECKS = new TypeReference<>() {
    };

    private final EventInbox inbox;
    private final DrillAnnouncements announcements;
    private final ObjectMapper json;

    DrillFolding(EventInbox inbox, DrillAnnouncements announcements, ObjectMapper json) {
        this.inbox = inbox;
        this.announcements = announcements;
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
            running(progress.target(), progress.taskId())
                    .ifPresent(drill -> drill.recordStep(progress.step(), progress.percent(), progress.at()));
        } else {
            TaskFinished finished = event.payload(TaskEvents.FINISHED, json);
            running(finished.target(), finished.taskId()).ifPresent(drill -> finish(drill, finished));
        }
    }

    private static Optional<Drill> running(String target, UUID taskId) {
        UUID id;
        try {
            id = UUID.fromString(target);
        } catch (IllegalArgumentException notADrill) {
            return Optional.empty();
        }
        return Drill.findForUpdate(id).filter(drill -> drill.isRunning() && taskId.equals(drill.taskId));
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

    private static Instant instant(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
