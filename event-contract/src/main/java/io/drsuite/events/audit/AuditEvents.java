package io.drsuite.events.audit;

import io.drsuite.events.EventType;

/**
 * Audit records, published by every service on {@code drsuite.audit}, keyed by the service's name: one topic a SIEM
 * reads for the whole suite, each service's records in their order.
 */
public final class AuditEvents {

    public static final EventType<AuditRecorded> RECORDED =
            EventType.of("audit", "audit", "recorded", 1, AuditRecorded.class);

    public static final String TOPIC = RECORDED.topic();

    private AuditEvents() {
    }
}
