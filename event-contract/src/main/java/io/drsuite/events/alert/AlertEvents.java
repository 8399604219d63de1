package io.drsuite.events.alert;

import io.drsuite.events.EventType;

/** Alerts raised and resolved by monitor-service on {@code drsuite.alerts}, keyed by alert id. */
public final class AlertEvents {

    public static final EventType<AlertChanged> RAISED =
            EventType.of("alerts", "alert", "raised", 1, AlertChanged.class);
    public static final EventType<AlertChanged> RESOLVED =
            EventType.of("alerts", "alert", "resolved", 1, AlertChanged.class);

    public static final String TOPIC = RAISED.topic();

    private AlertEvents() {
    }
}
