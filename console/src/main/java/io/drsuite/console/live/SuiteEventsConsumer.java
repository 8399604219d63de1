package io.drsuite.console.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.console.projection.RelationshipBoard;
import io.drsuite.console.projection.RelationshipCard.Health;
import io.drsuite.events.alert.AlertChanged;
import io.drsuite.events.alert.AlertEvents;
import io.drsuite.events.audit.AuditEvents;
import io.drsuite.events.cluster.ClusterEvents;
import io.drsuite.events.drill.DrillEvents;
import io.drsuite.events.health.HealthEvents;
import io.drsuite.events.health.RelationshipHealthSampled;
import io.drsuite.events.recyclebin.RecycleBinEvents;
import io.drsuite.events.relationship.RelationshipChanged;
import io.drsuite.events.relationship.RelationshipEvents;
import io.drsuite.events.snapshot.SnapshotEvents;
import io.drsuite.events.snapshot.WalEvents;
import io.drsuite.events.task.TaskEvents;
import io.drsuite.events.task.TaskFinished;
import io.drsuite.events.task.TaskProgressed;
import io.drsuite.events.task.TaskRequested;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads the suite's topics, keeps the console's projection current and tells open pages what changed. Every replica
 * reads every event (its own consumer group), from the moment it starts: the projection is seeded from the APIs, so
 * there is no history to replay. A record that cannot be read is logged and skipped; it changes nothing.
 */
@ApplicationScoped
public class SuiteEventsConsumer {

    private static final Logger LOG = Logger.getLogger(SuiteEventsConsumer.class);

    private final RelationshipBoard board;
    private final LiveUpdates updates;
    private final SeenEvents seen;
    private final ObjectMapper json;
    private final MeterRegistry registry;

    SuiteEventsConsumer(RelationshipBoard board, LiveUpdates updates, SeenEvents seen, ObjectMapper json,
            MeterRegistry registry) {
        this.board = board;
        this.updates = updates;
        this.seen = seen;
        this.json = json;
        this.registry = registry;
    }

    @Incoming("suite-events")
    public void onEvent(ConsumerRecord<String, String> record) {
        Optional<SuiteEvent> read = SuiteEvent.from(record);
        if (read.isEmpty() || !seen.firstTime(read.get().id())) {
            return;
        }
        SuiteEvent event = read.get();
        try {
            signalsOf(event).forEach(updates::announce);
            registry.counter("drsuite.console.events", "type", event.type()).increment();
        } catch (IllegalArgumentException broken) {
            LOG.warnf("Event %s (%s) on %s skipped: %s", event.id(), event.type(), record.topic(),
                    broken.getMessage());
        }
    }

    /** Applies the event to the projection and names what it changed. */
    List<LiveSignal> signalsOf(SuiteEvent event) {
        List<LiveSignal> signals = new ArrayList<>();
        String cause = event.type();
        if (event.is(RelationshipEvents.CHANGED)) {
            RelationshipChanged changed = event.payload(RelationshipEvents.CHANGED, json);
            boolean known = board.knows(changed.relationshipId());
            if (board.apply(changed)) {
                signals.add(LiveSignal.relationship(changed.relationshipId(), cause));
            }
            if (!known) {
                signals.add(new LiveSignal("relationships", cause));
            }
        } else if (event.is(HealthEvents.RELATIONSHIP_HEALTH_CHANGED)) {
            var changed = event.payload(HealthEvents.RELATIONSHIP_HEALTH_CHANGED, json);
            if (board.apply(changed)) {
                signals.add(LiveSignal.relationship(changed.relationshipId(), cause));
            }
        } else if (event.is(HealthEvents.RELATIONSHIP_SAMPLED)) {
            RelationshipHealthSampled sampled = event.payload(HealthEvents.RELATIONSHIP_SAMPLED, json);
            if (board.apply(sampled.relationshipId(), new Health(sampled.lagBytes(), sampled.lagSeconds(),
                    sampled.rpoEstimateSeconds(), sampled.primaryState(), sampled.drState(), sampled.sampledAt()))) {
                signals.add(LiveSignal.relationship(sampled.relationshipId(), cause));
            }
        } else if (event.is(TaskEvents.REQUESTED)) {
            TaskRequested requested = event.payload(TaskEvents.REQUESTED, json);
            board.apply(requested);
            taskSignals(signals, requested.taskId(), requested.target(), cause);
        } else if (event.is(TaskEvents.PROGRESSED)) {
            TaskProgressed progressed = event.payload(TaskEvents.PROGRESSED, json);
            board.apply(progressed);
            taskSignals(signals, progressed.taskId(), progressed.target(), cause);
        } else if (event.is(TaskEvents.FINISHED)) {
            TaskFinished finished = event.payload(TaskEvents.FINISHED, json);
            board.apply(finished);
            taskSignals(signals, finished.taskId(), finished.target(), cause);
        } else if (event.type().startsWith(typePrefix(ClusterEvents.CHANGED.type()))) {
            signals.add(LiveSignal.cluster(event.key(), cause));
            signals.add(new LiveSignal("clusters", cause));
        } else if (event.is(AlertEvents.RAISED) || event.is(AlertEvents.RESOLVED)) {
            AlertChanged alert = event.payload(AlertEvents.RAISED, json);
            signals.add(new LiveSignal("alerts", cause));
            if (alert.relationshipId() != null) {
                signals.add(LiveSignal.relationship(alert.relationshipId(), cause));
            }
        } else if (event.is(AuditEvents.RECORDED)) {
            signals.add(new LiveSignal("audit", cause));
        } else if (event.type().startsWith(typePrefix(SnapshotEvents.STARTED.type()))
                || event.type().startsWith(typePrefix(SnapshotEvents.RESTORE_COMPLETED.type()))) {
            signals.add(new LiveSignal("snapshots", cause));
        } else if (event.type().startsWith(typePrefix(RecycleBinEvents.RECYCLED.type()))) {
            signals.add(new LiveSignal("bin", cause));
        } else if (event.is(WalEvents.ARCHIVE_CHANGED)) {
            signals.add(new LiveSignal("wal-archives", cause));
        } else if (event.is(DrillEvents.CHANGED)) {
            signals.add(new LiveSignal("drills", cause));
        }
        return signals;
    }

    /** A task changed: its own page, the task list, and the relationship or cluster it works on (keyed by id). */
    private void taskSignals(List<LiveSignal> signals, Object taskId, String target, String cause) {
        signals.add(LiveSignal.task(taskId, cause));
        signals.add(new LiveSignal("tasks", cause));
        signals.add(LiveSignal.relationship(target, cause));
        signals.add(LiveSignal.cluster(target, cause));
    }

    /** {@code io.drsuite.cluster.changed.v1} -> {@code io.drsuite.cluster.} */
    private static String typePrefix(String type) {
        return type.substring(0, type.indexOf('.', "io.drsuite.".length()) + 1);
    }
}
