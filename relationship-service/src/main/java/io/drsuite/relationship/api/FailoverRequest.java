package io.drsuite.relationship.api;

/**
 * How to fail over.
 *
 * @param force true: fail over from {@code error} too, where the DR side may be half built (a start or reprotect
 *        that failed); without it a failover is accepted only from {@code active}
 * @param reason why: required, kept in the audit log with the caller's name
 */
public record FailoverRequest(Boolean force, String reason) {

    public boolean forced() {
        return Boolean.TRUE.equals(force);
    }
}
