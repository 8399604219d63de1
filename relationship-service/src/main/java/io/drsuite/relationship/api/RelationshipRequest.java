package io.drsuite.relationship.api;

import io.drsuite.platform.validation.Names;
import io.drsuite.relationship.model.SyncMode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A request to protect {@code primaryCluster} with {@code drCluster}.
 *
 * @param timeoutSeconds how long each of the relationship's operations may run (default 1200, as gs_ddr)
 */
public record RelationshipRequest(
        @NotNull @Pattern(regexp = Names.RELATIONSHIP, message = Names.RELATIONSHIP_RULE) String name,
        @NotNull @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String primaryCluster,
        @NotNull @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String drCluster,
        SyncMode syncMode,
        @Min(60) @Max(86400) Integer timeoutSeconds) {
}
