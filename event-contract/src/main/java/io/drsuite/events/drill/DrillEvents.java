package io.drsuite.events.drill;

import io.drsuite.events.EventType;

/**
 * Events of DR drills, published by relationship-service on {@code drsuite.drills}, keyed by drill id.
 * {@link #CHANGED} carries the drill as it is after the change: once when it is requested, once when it ends.
 */
public final class DrillEvents {

    public static final EventType<DrillChanged> CHANGED =
            EventType.of("drills", "drill", "changed", 1, DrillChanged.class);

    public static final String TOPIC = CHANGED.topic();

    private DrillEvents() {
    }
}
