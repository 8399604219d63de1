package io.drsuite.relationship.routing;

import java.util.Locale;

/** Where a webhook call stands: due (first try or a retry), made, or given up after the last attempt. */
public enum DeliveryState {
    PENDING, DELIVERED, FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isDone() {
        return this != PENDING;
    }
}
