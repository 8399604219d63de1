package io.drsuite.events.relationship;

import io.drsuite.events.EventType;

/**
 * Events of DR relationships, published by relationship-service on {@code drsuite.relationships}, keyed by
 * relationship id. Each carries the whole relationship as it is after the change.
 */
public final class RelationshipEvents {

    public static final EventType<RelationshipChanged> CHANGED =
            EventType.of("relationships", "relationship", "changed", 1, RelationshipChanged.class);

    public static final String TOPIC = CHANGED.topic();

    private RelationshipEvents() {
    }
}
