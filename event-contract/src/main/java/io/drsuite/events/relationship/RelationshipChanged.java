package io.drsuite.events.relationship;

import static io.drsuite.events.Require.present;
import static io.drsuite.events.Require.text;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * A DR relationship was created or its phase or roles changed.
 *
 * @param phase e.g. {@code starting}, {@code active}, {@code failed_over}, {@code stopped}
 * @param primaryCluster the cluster currently in the primary role
 * @param drCluster the cluster currently in the disaster_standby role
 * @param syncMode {@code async} or {@code sync}
 * @param primaryState the primary cluster's state in gs_ddr words, e.g. {@code archive}
 * @param drState the DR cluster's state in gs_ddr words, e.g. {@code recovery}
 * @param rpoObjectiveSeconds the most data, in seconds of commits, the relationship may lose in a disaster; null when
 *     not set (monitor-service alerts while the live RPO estimate is above it, drills are judged against it)
 * @param rtoObjectiveSeconds how long the DR side may take to accept writes after a disaster; null when not set
 */
@RegisterForReflection
public record RelationshipChanged(
        UUID relationshipId,
        String name,
        String phase,
        String primaryCluster,
        String drCluster,
        String syncMode,
        String primaryState,
        String drState,
        Instant at,
        Integer rpoObjectiveSeconds,
        Integer rtoObjectiveSeconds) {

    /** A relationship without recovery objectives. */
    public RelationshipChanged(UUID relationshipId, String name, String phase, String primaryCluster,
            String drCluster, String syncMode, String primaryState, String drState, Instant at) {
        this(relationshipId, name, phase, primaryCluster, drCluster, syncMode, primaryState, drState, at, null, null);
    }

    public RelationshipChanged {
        present(relationshipId, "relationshipId");
        text(name, "name");
        text(phase, "phase");
        text(primaryCluster, "primaryCluster");
        text(drCluster, "drCluster");
        text(syncMode, "syncMode");
        present(at, "at");
    }
}
