package io.drsuite.events.relationship;

import static io.drsuite.events.Require.present;
import static io.drsuite.events.Require.text;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * relationship-service did not act on an automatic failover request (monitor-service's {@code FailoverRequested}),
 * e.g. because it was older than the allowed window or the primary answers again. Published so the refusal is
 * seen, not only logged.
 *
 * @param requestEventId the id of the refused request event
 * @param reason why it was refused
 * @param requestedAt when the request was made
 */
@RegisterForReflection
public record FailoverRefused(UUID relationshipId, UUID requestEventId, String reason, Instant requestedAt,
        Instant refusedAt) {

    public FailoverRefused {
        present(relationshipId, "relationshipId");
        present(requestEventId, "requestEventId");
        text(reason, "reason");
        present(requestedAt, "requestedAt");
        present(refusedAt, "refusedAt");
    }
}
