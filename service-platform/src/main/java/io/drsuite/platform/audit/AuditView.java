package io.drsuite.platform.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An audit record as the API shows it. */
public record AuditView(long id, Instant recordedAt, String service, String operation, String target,
        String outcome, Integer status, String problem, String reason, UUID taskId, UUID correlationId, Actor actor,
        String detail, String previousHash, String hash) {

    /** Who asked, as the token said. */
    public record Actor(String name, String subject, List<String> roles, String client, String address) {
    }

    static AuditView of(AuditRecord record) {
        return new AuditView(record.id, record.recordedAt, record.service, record.operation, record.target,
                record.outcome, record.status, record.problem, record.reason, record.taskId, record.correlationId,
                new Actor(record.actorName, record.actorSubject, record.roles(), record.client,
                        record.clientAddress),
                record.detail, record.previousHash, record.hash);
    }
}
