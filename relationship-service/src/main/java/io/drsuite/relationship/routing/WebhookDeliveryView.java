package io.drsuite.relationship.routing;

import java.time.Instant;
import java.util.UUID;

/**
 * One webhook call as the API shows it (never its key).
 *
 * @param state pending (due, or to be retried at nextAttemptAt), delivered or failed (given up)
 * @param lastStatus the HTTP status of the last attempt, null when there was no answer
 * @param change what the call tells
 */
public record WebhookDeliveryView(long id, RoutingView.Owner owner, String url, String state, int attempts,
        Instant nextAttemptAt, Integer lastStatus, String lastError, Instant createdAt, Instant deliveredAt,
        RoleChangedCall change) {
}
