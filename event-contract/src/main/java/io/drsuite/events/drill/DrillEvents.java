package io.drsuite.events.drill;

import io.drsuite.events.EventType;

/**
 * Events of DR drills, published by relationship-service on {@code drsuite.drills}, keyed by drill id.
 * {@link #CHANGED} carries the drill as it is after the change: once when it is requested, once when it ends.
 * {@link #RESTORE_TEST_REQUESTED} (by relationship-service) and {@link #RESTORE_TEST_REFUSED} (by snapshot-service)
 * hand a restore test to snapshot-service, which owns the backups it tests.
 */
public final class DrillEvents {

    public static final EventType<DrillChanged> CHANGED =
            EventType.of("drills", "drill", "changed", 1, DrillChanged.class);

    public static final EventType<RestoreTestRequested> RESTORE_TEST_REQUESTED =
            EventType.of("drills", "drill", "restore-test-requested", 1, RestoreTestRequested.class);

    public static final EventType<RestoreTestRefused> RESTORE_TEST_REFUSED =
            EventType.of("drills", "drill", "restore-test-refused", 1, RestoreTestRefused.class);

    public static final String TOPIC = CHANGED.topic();

    private DrillEvents() {
    }
}
