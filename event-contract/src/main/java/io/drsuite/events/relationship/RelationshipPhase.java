package io.drsuite.events.relationship;

import java.util.Locale;

/**
 * Where a DR relationship is. {@code stopped} is terminal; {@code failed_over} waits for a reprotect or stop. In
 * {@link RelationshipChanged} and the API by its lower-case name. Which operation may start from which phase, and
 * where a task leaves the relationship, relationship-service's lifecycle tables say.
 */
public enum RelationshipPhase {
    STARTING, ACTIVE, SWITCHING_OVER, FAILING_OVER, REPROTECTING, STOPPING, STOPPED, FAILED_OVER, ERROR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RelationshipPhase fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /**
     * The relationship holds both clusters: the DR copy is being built, streams, or is being moved, switched or
     * dissolved. Not {@code failed_over} (the DR side is a standalone primary until reprotect), not {@code stopped}.
     */
    public boolean holdsClusters() {
        return this != STOPPED && this != FAILED_OVER;
    }

    /** The DR copy exists and is meant to follow the primary, so a live lag reading means something. */
    public boolean isReplicating() {
        return switch (this) {
            case ACTIVE, SWITCHING_OVER, FAILING_OVER, STOPPING, ERROR -> true;
            case STARTING, REPROTECTING, STOPPED, FAILED_OVER -> false;
        };
    }

    /**
     * Nothing but replication happens: monitor-service's health words describe the relationship, and a live lag
     * reading that shows the DR side not streaming overrides the stored states.
     */
    public boolean isSteady() {
        return this == ACTIVE;
    }

    /** A task of the relationship ended in a failure it can be resumed from. */
    public boolean isResumable() {
        return this == ERROR;
    }
}
