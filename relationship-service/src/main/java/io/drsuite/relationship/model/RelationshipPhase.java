package io.drsuite.relationship.model;

import java.util.Locale;

/** Where a DR relationship is. {@code stopped} is terminal; {@code failed_over} waits for a reprotect or stop. */
public enum RelationshipPhase {
    STARTING, ACTIVE, SWITCHING_OVER, FAILING_OVER, REPROTECTING, STOPPING, STOPPED, FAILED_OVER, ERROR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
