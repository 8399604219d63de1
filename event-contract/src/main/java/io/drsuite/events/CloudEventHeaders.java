package io.drsuite.events;

/**
 * Kafka header names of the CloudEvents 1.0 Kafka protocol binding, binary content mode.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    /**
     * Extension attribute: the id that links a change to the request behind it, through every event and task it
     * causes (also the {@code X-Correlation-Id} response header and the audit records).
     */
    public static final String CORRELATION_ID = "ce_correlationid";
    /** Extension attribute: the signed-in person (or client) whose request caused the change. */
    public static final String REQUESTED_BY = "ce_requestedby";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }
}
