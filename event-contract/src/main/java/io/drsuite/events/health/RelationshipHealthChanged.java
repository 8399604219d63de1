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
 * @param reason why the link is broken when a rebuild is needed, e.g. the relationship's replication slot was
 *        invalidated (lost); null otherwise
 */
@RegisterForReflection
public record RelationshipHealthChanged(UUID relationshipId, String primaryState, String drState, Long lagBytes,
        Instant observedAt, String reason) {

    /** Why the DR copy must be rebuilt after monitor-service saw the relationship's slot invalidated. */
    public static final String SLOT_LOST = "replication slot lost: DR must be rebuilt";

    public RelationshipHealthChanged {
        present(relationshipId, "relationshipId");
        text(primaryState, "primaryState");
        text(drState, "drState");
        present(observedAt, "observedAt");
    }

    public RelationshipHealthChanged(UUID relationshipId, String primaryState, String drState, Long lagBytes,
            Instant observedAt) {
        this(relationshipId, primaryState, drState, lagBytes, observedAt, null);
    }
}
