package io.drsuite.events.audit;

import static io.drsuite.events.Require.present;
import static io.drsuite.events.Require.text;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One audit record as its service stored it, with its place in the service's hash chain.
 *
 * @param id the record's position in its service's log
 * @param service the service that recorded it
 * @param operation what was asked, e.g. {@code POST /api/v1/relationships/{id}/switchover}
 * @param target what it was asked of, e.g. {@code relationships/5f0c...}; null when nothing in particular
 * @param outcome {@code accepted}, {@code refused} or {@code failed}
 * @param status the HTTP status answered; null for a change that did not come through HTTP
 * @param problem the problem type of a refusal, e.g. {@code role-required}
 * @param actorName who: the token's user name, or the client of a service account
 * @param actorSubject the token's subject; null when not signed in
 * @param actorRoles the roles the token carried
 * @param client the OIDC client the token was issued to
 * @param clientAddress the caller's address
 * @param hash SHA-256 over the record and {@code previousHash}
 */
public record AuditRecorded(long id, Instant recordedAt, String service, String operation, String target,
        String outcome, Integer status, String problem, String reason, UUID taskId, UUID correlationId,
        String actorName, String actorSubject, List<String> actorRoles, String client, String clientAddress,
        String detail, String previousHash, String hash) {

    public AuditRecorded {
        present(recordedAt, "recordedAt");
        text(service, "service");
        text(operation, "operation");
        text(outcome, "outcome");
        text(actorName, "actorName");
        actorRoles = actorRoles == null ? List.of() : List.copyOf(actorRoles);
        text(previousHash, "previousHash");
        text(hash, "hash");
    }
}
