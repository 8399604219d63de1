package io.drsuite.platform.inbox;

/** Why a record cannot be read as a DR Suite event; the label goes into the dead letter and the metric. */
public enum DeadLetterReason {
    /** A CloudEvents header is missing, or the id is not a UUID. */
    NOT_A_CLOUD_EVENT("not-a-cloud-event"),
    /** The type does not read {@code io.drsuite.<aggregate>.<event>.v<n>}. */
    UNKNOWN_TYPE("unknown-type"),
    /** An event the consumer handles, in a version it does not know. */
    UNSUPPORTED_VERSION("unsupported-version"),
    /** The payload is not JSON, or misses or mistypes a field the contract requires. */
    BAD_PAYLOAD("bad-payload");

    private final String label;

    DeadLetterReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
