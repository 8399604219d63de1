package io.drsuite.relationships;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.relationship.RelationshipChanged;
import io.drsuite.events.relationship.RelationshipEvents;
import io.drsuite.platform.inbox.EventInbox;
import io.drsuite.platform.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Folds {@code drsuite.relationships} into the service's projection, each event once; an event older than
 * what is stored (they carry the whole relationship) changes nothing.
 */
@ApplicationScoped
public class RelationshipCatalog {

    private final EventInbox inbox;
    private final ObjectMapper json;

    RelationshipCatalog(EventInbox inbox, ObjectMapper json) {
        this.inbox = inbox;
        this.json = json;
    }

    @Transactional
    public void apply(IncomingEvent event) {
        if (!event.is(RelationshipEvents.CHANGED) || !inbox.firstDelivery(event)) {
            return;
        }
        RelationshipChanged changed = event.payload(RelationshipEvents.CHANGED, json);
        KnownRelationship known = KnownRelationship.findById(changed.relationshipId());
        if (known == null) {
            known = new KnownRelationship();
            known.id = changed.relationshipId();
        } else if (known.changedAt.isAfter(changed.at())) {
            return;
        }
        known.name = changed.name();
        known.phase = changed.phase();
        known.primaryCluster = changed.primaryCluster();
        known.drCluster = changed.drCluster();
        known.syncMode = changed.syncMode();
        known.rpoObjectiveSeconds = changed.rpoObjectiveSeconds();
        known.rtoObjectiveSeconds = changed.rtoObjectiveSeconds();
        known.changedAt = changed.at();
        known.persist();
    }
}
