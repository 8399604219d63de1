package io.drsuite.events.alert;

import static io.drsuite.events.Require.present;
import static io.drsuite.events.Require.text;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * An alert was raised or resolved.
 *
 * @param rule e.g. {@code node_down}, {@code lag_bytes}, {@code dr_link_broken}
 * @param subject what it is about: {@code cluster/node}, {@code cluster/node/slot} or a relationship name
 * @param relationshipId the relationship it concerns, if any
 * @param detail what was seen, in words
 */
@RegisterForReflection
public record AlertChanged(UUID alertId, String rule, String subject, UUID relationshipId, String detail,
        Instant raisedAt, Instant resolvedAt) {

    public AlertChanged {
        present(alertId, "alertId");
        text(rule, "rule");
        text(subject, "subject");
        present(raisedAt, "raisedAt");
    }
}
