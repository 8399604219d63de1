package io.drsuite.relationship.drill;

import io.drsuite.events.drill.DrillChanged;
import io.drsuite.events.drill.DrillEvents;
import io.drsuite.platform.outbox.EventOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Announces a drill on {@code drsuite.drills} through the outbox, in the transaction that changed it. */
@ApplicationScoped
public class DrillAnnouncements {

    private final EventOutbox outbox;

    DrillAnnouncements(EventOutbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(Drill drill) {
        outbox.record(DrillEvents.CHANGED, drill.id.toString(), new DrillChanged(drill.id, drill.kind.wireName(),
                drill.relationshipId, drill.relationshipName, drill.sandbox, drill.state.wireName(), drill.taskId,
                drill.requestedBy, drill.requestedAt, drill.finishedAt, drill.rtoSeconds, drill.rpoBytes,
                drill.rpoSeconds, Instant.now()));
    }
}
