package io.drsuite.relationship.api;

import io.drsuite.platform.validation.Names;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code POST /api/v1/clusters/{name}/failover}.
 *
 * @param toNode the standby to promote; absent: the one that has received the most WAL
 * @param reason why: required, kept in the audit log with the caller's name
 */
public record ClusterFailoverRequest(
        @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String toNode,
        String reason) {
}
