package io.drsuite.monitor.health;

import java.util.Optional;

/** A relationship's live RPO estimate against its objective, as openGauss's hadr_recovery_point_target is watched. */
public final class RpoObjective {

    private RpoObjective() {
    }

    /** Whether the estimate is above the objective; empty without an objective or without an estimate. */
    public static Optional<Boolean> breached(RelationshipHealth health, Integer objectiveSeconds) {
        if (objectiveSeconds == null || health.rpoEstimateSeconds() == null) {
            return Optional.empty();
        }
        return Optional.of(health.rpoEstimateSeconds() > objectiveSeconds);
    }
}
