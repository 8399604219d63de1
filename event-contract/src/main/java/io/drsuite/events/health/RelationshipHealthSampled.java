package io.drsuite.events.health;

import static io.drsuite.events.Require.present;
import static io.drsuite.events.Require.text;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * A relationship's lag, RPO estimate and gs_ddr health words from one poll of monitor-service, for views that follow
 * them live. Sent when they changed since the last one sent, and again after a while even if they did not, so a
 * consumer that starts late soon has every relationship's figures.
 *
 * @param name the relationship's name
 * @param primaryState {@code archive} or {@code archive_fail}
 * @param drState {@code recovery} or {@code recovery_fail}
 * @param lagBytes the primary's write position minus the DR main standby's replay position; null when either could
 *        not be read
 * @param lagSeconds time since the last transaction the DR side replayed, while it has WAL left to replay; null
 *        when it could not be read
 * @param rpoEstimateSeconds the data a failover now would lose, in time; null when it could not be read
 */
@RegisterForReflection
public record RelationshipHealthSampled(UUID relationshipId, String name, String primaryState, String drState,
        Long lagBytes, Double lagSeconds, Double rpoEstimateSeconds, Instant sampledAt) {

    public RelationshipHealthSampled {
        present(relationshipId, "relationshipId");
        text(name, "name");
        text(primaryState, "primaryState");
        text(drState, "drState");
        present(sampledAt, "sampledAt");
    }
}
