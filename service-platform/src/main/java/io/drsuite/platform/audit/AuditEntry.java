package io.drsuite.platform.audit;

import java.util.List;
import java.util.UUID;

/**
 * What an audit record says, before the log stamps it with the time, the service and its place in the chain.
 *
 * @param operation what was asked, e.g. {@code POST /api/v1/relationships/{id}/switchover}
 * @param target what it was asked of, e.g. {@code relationships/5f0c...}
 * @param outcome how it ended
 * @param status the HTTP status answered; null for a change made from an event
 * @param problem the problem type of a refusal
 * @param reason the reason the caller gave (dangerous operations require one)
 * @param taskId the task the change started
 * @param correlationId links the request to its events and tasks
 * @param actorName who asked: user name, or the service account's
 * @param actorSubject the token's subject
 * @param actorRoles the roles in the token
 * @param client the OIDC client the token was issued to
 * @param clientAddress the caller's network address
 * @param detail anything else worth keeping, as JSON
 */
public record AuditEntry(String operation, String target, AuditOutcome outcome, Integer status, String problem,
        String reason, UUID taskId, UUID correlationId, String actorName, String actorSubject, List<String> actorRoles,
        String client, String clientAddress, String detail) {

    /** The name recorded for a caller without a valid token. */
    public static final String ANONYMOUS = "anonymous";
    /** The name recorded for what the suite does by itself (retention pruning, schedules). */
    public static final String SUITE = "drsuite";

    public AuditEntry {
        actorRoles = actorRoles == null ? List.of() : actorRoles.stream().sorted().toList();
        actorName = actorName == null || actorName.isBlank() ? ANONYMOUS : actorName;
    }
}
