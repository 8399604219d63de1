package io.drsuite.relationship.api;

import io.drsuite.events.relationship.SyncMode;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.platform.validation.Names;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A request to protect {@code primaryCluster} with {@code drCluster}.
 *
 * @param timeoutSeconds how long each of the relationship's operations may run (default 1200, as gs_ddr)
 * @param confirmOverwrite the DR cluster's name again: the start replaces all of its data with a copy of the primary,
 *     so the caller must say which cluster it agrees to overwrite
 * @param objectives the recovery objectives, optional (they can be set later)
 */
public record RelationshipRequest(
        @NotNull @Pattern(regexp = Names.RELATIONSHIP, message = Names.RELATIONSHIP_RULE) String name,
        @NotNull @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String primaryCluster,
        @NotNull @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String drCluster,
        SyncMode syncMode,
        @Min(60) @Max(86400) Integer timeoutSeconds,
        String confirmOverwrite,
        @Valid RecoveryObjectives objectives) {

    /** Creating the relationship overwrites the DR cluster: refused unless the request names it in confirmOverwrite. */
    public void requireOverwriteConfirmed() {
        if (drCluster != null && !drCluster.equals(confirmOverwrite)) {
            throw ProblemException.badRequest("confirmOverwrite", "creating the relationship replaces all data of "
                    + "cluster '" + drCluster + "' with a copy of '" + primaryCluster + "'; to agree, send "
                    + "\"confirmOverwrite\": \"" + drCluster + "\"");
        }
    }
}
