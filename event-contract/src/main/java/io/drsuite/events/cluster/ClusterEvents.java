package io.drsuite.events.cluster;

import io.drsuite.events.EventType;

/**
 * Events of the cluster registry, published by relationship-service on {@code drsuite.clusters}, keyed by cluster id.
 */
public final class ClusterEvents {

    public static final EventType<ClusterRegistered> REGISTERED =
            EventType.of("clusters", "cluster", "registered", 1, ClusterRegistered.class);
    /** The nodes changed (a node switchover or failover, a node added or removed); carries the whole node list. */
    public static final EventType<ClusterChanged> CHANGED =
            EventType.of("clusters", "cluster", "changed", 1, ClusterChanged.class);
    public static final EventType<ClusterRemoved> REMOVED =
            EventType.of("clusters", "cluster", "removed", 1, ClusterRemoved.class);

    public static final String TOPIC = REGISTERED.topic();

    private ClusterEvents() {
    }
}
