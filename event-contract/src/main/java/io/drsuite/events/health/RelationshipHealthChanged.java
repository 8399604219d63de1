package io.drsuite.events.health;

import static io.drsuite.events.Require.present;
import static io.drsuite.events.Require.text;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * The gs_ddr health words of a relationship as monitor-service last saw them.
 *
 * @param primaryState {@code archive} or {@code archive_fail}
 * @param drState {@code recovery} or {@code recovery_fail}
 * @param lagBytes lag at that poll, if it could be read
 */
@RegisterForReflection
public record RelationshipHealthChanged(UUID relationshipId, String primaryState, String drState, Long lagBytes,
        Instant observedAt) {

    public RelationshipHealthChanged {
        present(relationshipId, "relationshipId");
        text(primaryState, "primaryState");
        text(drState, "drState");
        present(observedAt, "observedAt");
    }
}
