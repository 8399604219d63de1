package io.drsuite.relationship.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

/**
 * What a relationship promises its users in a disaster, as {@code hadr_recovery_point_target} and
 * {@code hadr_recovery_time_target} do in openGauss: at most {@code rpoObjectiveSeconds} of commits lost, writes
 * accepted again within {@code rtoObjectiveSeconds}. A null objective is not set. monitor-service alerts while the
 * live RPO estimate is above the RPO objective; every drill is judged against both.
 */
public record RecoveryObjectives(
        @Positive @Max(MAX_SECONDS) Integer rpoObjectiveSeconds,
        @Positive @Max(MAX_SECONDS) Integer rtoObjectiveSeconds) {

    /** A week: an objective beyond it is a typo, not a plan. */
    public static final int MAX_SECONDS = 604_800;

    public static final RecoveryObjectives NONE = new RecoveryObjectives(null, null);
}
