package io.drsuite.events.health;

import io.drsuite.events.EventType;

/** What monitor-service observes, on {@code drsuite.health}, keyed by relationship id. */
public final class HealthEvents {

    /** A relationship's health words changed (e.g. {@code recovery} to {@code recovery_fail}). */
    public static final EventType<RelationshipHealthChanged> RELATIONSHIP_HEALTH_CHANGED =
            EventType.of("health", "health", "relationship-changed", 1, RelationshipHealthChanged.class);

    public static final String TOPIC = RELATIONSHIP_HEALTH_CHANGED.topic();

    private HealthEvents() {
    }
}
