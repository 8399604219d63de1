package io.drsuite.platform.audit;

/** How a recorded request ended. */
public enum AuditOutcome {
    /** Done, or accepted as a task (2xx, 3xx). */
    ACCEPTED,
    /** Refused, nothing changed (4xx: no or a bad token, a missing role, invalid input, a conflict). */
    REFUSED,
    /** The service failed while handling it (5xx). */
    FAILED;

    public static AuditOutcome ofStatus(int status) {
        return status >= 500 ? FAILED : status >= 400 ? REFUSED : ACCEPTED;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
