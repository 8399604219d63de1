package io.drsuite.relationship.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.platform.audit.AuditEntry;
import io.drsuite.platform.audit.AuditLog;
import io.drsuite.platform.audit.AuditOutcome;
import io.drsuite.platform.origin.ChangeOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The audit record of a request monitor-service's automatic policies made (a failover of a relationship, or of a
 * cluster to one of its standbys): by {@code drsuite}, with the policy's reason, and why it was refused if it was.
 */
@ApplicationScoped
public class PolicyRequestAudit {

    private final AuditLog audit;
    private final ObjectMapper json;

    PolicyRequestAudit(AuditLog audit, ObjectMapper json) {
        this.audit = audit;
        this.json = json;
    }

    /**
     * @param target what the request was for, e.g. {@code clusters/prod}
     * @param refusal why it was refused, or null when it was accepted
     */
    void record(String operation, String target, String reason, AuditOutcome outcome, UUID taskId,
            ChangeOrigin origin, String refusal) {
        audit.record(new AuditEntry(operation, target, outcome, null, null, reason, taskId, origin.correlationId(),
                AuditEntry.SUITE, null, List.of(), "monitor-service", null,
                refusal == null ? null : detail(refusal)));
    }

    private String detail(String refusal) {
        try {
            return json.writeValueAsString(Map.of("refusedBecause", refusal));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
