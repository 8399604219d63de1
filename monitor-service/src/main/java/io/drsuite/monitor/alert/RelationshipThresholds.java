package io.drsuite.monitor.alert;

import io.drsuite.monitor.model.RelationshipThreshold;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/** The lag thresholds users give a relationship of their own, over the global defaults of the alert rules. */
@ApplicationScoped
public class RelationshipThresholds {

    @Transactional
    public Optional<RelationshipThreshold> of(UUID relationshipId) {
        return RelationshipThreshold.findByIdOptional(relationshipId);
    }

    /** Sets both thresholds; a null one falls back to the global default. */
    @Transactional
    public RelationshipThreshold set(UUID relationshipId, Long lagBytes, Double lagSeconds) {
        RelationshipThreshold threshold = RelationshipThreshold.<RelationshipThreshold>findByIdOptional(relationshipId)
                .orElseGet(RelationshipThreshold::new);
        threshold.relationshipId = relationshipId;
        threshold.lagBytes = lagBytes;
        threshold.lagSeconds = lagSeconds;
        threshold.persist();
        return threshold;
    }
}
