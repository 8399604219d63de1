package io.drsuite.events.health;

import static io.drsuite.events.Require.present;
import static io.drsuite.events.Require.text;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * monitor-service's automatic failover policy asks relationship-service to fail a relationship over, as a user
 * would with {@code POST /api/v1/relationships/{id}/failover}.
 *
 * @param reason what the policy saw
 * @param lastKnownLagBytes the lag at the last poll that reached the primary
 */
@RegisterForReflection
public record FailoverRequested(UUID relationshipId, String reason, Long lastKnownLagBytes, Instant requestedAt) {

    public FailoverRequested {
        present(relationshipId, "relationshipId");
        text(reason, "reason");
        present(requestedAt, "requestedAt");
    }
}
