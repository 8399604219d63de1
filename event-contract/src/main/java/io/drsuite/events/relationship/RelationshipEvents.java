package io.drsuite.events.relationship;

import io.drsuite.events.EventType;

/**
 * Events of DR relationships, published by relationship-service on {@code drsuite.relationships}, keyed by
 * relationship id. {@link #CHANGED} carries the whole relationship as it is after the change; {@link #FAILOVER_REFUSED}
 * says why an automatic failover request was not acted on.
 */
public final class RelationshipEvents {

    public static final EventType<RelationshipChanged> CHANGED =
            EventType.of("relationships", "relationship", "changed", 1, RelationshipChanged.class);

    public static final EventType<FailoverRefused> FAILOVER_REFUSED =
            EventType.of("relationships", "relationship", "failover-refused", 1, FailoverRefused.class);

    public static final String TOPIC = CHANGED.topic();

    private RelationshipEvents() {
    }
}
