package io.drsuite.relationship.api;

/**
 * How to dissolve a relationship.
 *
 * @param promoteDr true: the DR cluster becomes a standalone primary; false (default): it stays a detached
 *        read-only copy
 */
public record StopRequest(Boolean promoteDr) {

    public boolean promote() {
        return Boolean.TRUE.equals(promoteDr);
    }
}
