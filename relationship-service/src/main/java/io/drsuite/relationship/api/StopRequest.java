package io.drsuite.relationship.api;

/**
 * How to dissolve a relationship.
 *
 * @param promoteDr true: the DR cluster becomes a standalone primary; false (default): it stays a detached
 *        read-only copy
 * @param reason why: required when the DR cluster is promoted, kept in the audit log with the caller's name
 */
public record StopRequest(Boolean promoteDr, String reason) {

    public boolean promote() {
        return Boolean.TRUE.equals(promoteDr);
    }
}
