package io.drsuite.platform.audit;

import io.drsuite.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;

/**
 * What a resource adds to the audit record of the request it handles: the reason the caller gave.
 *
 * <p>Dangerous operations (failover, stop with promotion, a restore that replaces data, purge-all, removing a
 * cluster) need one: {@link #requireReason} refuses the request without it.
 */
@RequestScoped
public class AuditedRequest {

    /** The longest reason taken. */
    public static final int REASON_LIMIT = 500;

    private String reason;

    /**
     * Keeps the reason for the audit record.
     *
     * @throws ProblemException 400 when it is missing, blank or longer than {@value #REASON_LIMIT} characters
     */
    public void requireReason(String given, String operation) {
        if (given == null || given.isBlank()) {
            throw ProblemException.badRequest("reason", operation + " needs a reason: say why in \"reason\"; it is "
                    + "kept in the audit log with your name");
        }
        giveReason(given);
    }

    /** Keeps a reason the caller gave where none is required. */
    public void giveReason(String given) {
        if (given == null || given.isBlank()) {
            return;
        }
        if (given.length() > REASON_LIMIT) {
            throw ProblemException.badRequest("reason", "reason is longer than " + REASON_LIMIT + " characters");
        }
        reason = given.strip();
    }

    String reason() {
        return reason;
    }
}
