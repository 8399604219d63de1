package io.drsuite.events.health;

import io.drsuite.events.EventType;

/** What monitor-service observes, on {@code drsuite.health}, keyed by relationship id (by cluster id for a cluster's own events). */
public final class HealthEvents {

    /** A relationship's health words changed (e.g. {@code recovery} to {@code recovery_fail}). */
    public static final EventType<RelationshipHealthChanged> RELATIONSHIP_HEALTH_CHANGED =
            EventType.of("health", "health", "relationship-changed", 1, RelationshipHealthChanged.class);

    /**
     * A relationship's lag, RPO estimate and health words from one poll: when they changed since the last one sent,
     * and at least every {@code drsuite.monitor.sample-events.heartbeat} even if they did not.
     */
    public static final EventType<RelationshipHealthSampled> RELATIONSHIP_SAMPLED =
            EventType.of("health", "health", "relationship-sampled", 1, RelationshipHealthSampled.class);

    /** The automatic failover policy decided a relationship must fail over. */
    public static final EventType<FailoverRequested> FAILOVER_REQUESTED =
            EventType.of("health", "health", "failover-requested", 1, FailoverRequested.class);

    /** The automatic local failover policy decided a cluster's primary is lost; keyed by cluster id. */
    public static final EventType<LocalFailoverRequested> LOCAL_FAILOVER_REQUESTED =
            EventType.of("health", "health", "local-failover-requested", 1, LocalFailoverRequested.class);

    public static final String TOPIC = RELATIONSHIP_HEALTH_CHANGED.topic();

    private HealthEvents() {
    }
}
