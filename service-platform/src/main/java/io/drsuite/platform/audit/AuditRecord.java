package io.drsuite.platform.audit;

import io.drsuite.events.audit.AuditRecorded;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One row of a service's audit log (see {@link AuditLog}). Written once, never changed. */
@Entity
@Table(name = "audit_record")
public class AuditRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(nullable = false)
    public String service;

    @Column(nullable = false)
    public String operation;

    public String target;

    @Column(nullable = false)
    public String outcome;

    public Integer status;

    public String problem;

    public String reason;

    @Column(name = "task_id")
    public UUID taskId;

    @Column(name = "correlation_id")
    public UUID correlationId;

    @Column(name = "actor_name", nullable = false)
    public String actorName;

    @Column(name = "actor_subject")
    public String actorSubject;

    /** Comma-separated, sorted. */
    @Column(name = "actor_roles", nullable = false)
    public String actorRoles;

    public String client;

    @Column(name = "client_address")
    public String clientAddress;

    public String detail;

    @Column(name = "previous_hash", nullable = false)
    public String previousHash;

    @Column(nullable = false)
    public String hash;

    static AuditRecord of(AuditEntry entry, String service, Instant at, String previousHash) {
        AuditRecord record = new AuditRecord();
        // Microseconds: what PostgreSQL keeps, so the hash computed now matches the row read back later.
        record.recordedAt = at.truncatedTo(ChronoUnit.MICROS);
        record.service = service;
        record.operation = AuditText.cut(entry.operation());
        record.target = AuditText.cut(entry.target());
        record.outcome = entry.outcome().label();
        record.status = entry.status();
        record.problem = AuditText.cut(entry.problem());
        record.reason = AuditText.cut(entry.reason());
        record.taskId = entry.taskId();
        record.correlationId = entry.correlationId();
        record.actorName = AuditText.cut(entry.actorName());
        record.actorSubject = AuditText.cut(entry.actorSubject());
        record.actorRoles = AuditText.cut(String.join(",", entry.actorRoles()));
        record.client = AuditText.cut(entry.client());
        record.clientAddress = AuditText.cut(entry.clientAddress());
        record.detail = entry.detail();
        record.previousHash = previousHash;
        record.hash = AuditChain.hash(record);
        return record;
    }

    public List<String> roles() {
        return actorRoles == null || actorRoles.isEmpty() ? List.of() : Arrays.asList(actorRoles.split(","));
    }

    AuditRecorded toEvent() {
        return new AuditRecorded(id, recordedAt, service, operation, target, outcome, status, problem, reason,
                taskId, correlationId, actorName, actorSubject, roles(), client, clientAddress, detail, previousHash,
                hash);
    }
}
