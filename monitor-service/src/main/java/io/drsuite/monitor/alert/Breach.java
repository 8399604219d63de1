package io.drsuite.monitor.alert;

import java.util.UUID;

/**
 * A rule found breached in one poll.
 *
 * @param subject what it is about: {@code cluster/node}, {@code cluster/node/slot} or a relationship name
 */
public record Breach(AlertRule rule, String subject, UUID relationshipId, String detail) {

    String key() {
        return rule.wireName() + " " + subject;
    }
}
