package io.drsuite.relationship.api;

import io.drsuite.platform.validation.Names;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code POST /api/v1/clusters/{name}/switchover}.
 *
 * @param toNode the standby of the cluster to promote; the primary becomes its standby
 */
public record ClusterSwitchoverRequest(
        @NotNull @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String toNode) {
}
