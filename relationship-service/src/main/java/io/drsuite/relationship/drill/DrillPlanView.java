package io.drsuite.relationship.drill;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A drill plan as the API shows it: what it asks for and when, and what its last due time gave. {@code nextRunAt},
 * {@code lastRunAt}, {@code lastDrillId} and {@code lastError} are the scheduler's, read-only.
 */
public record DrillPlanView(
        String name,
        String relationship,
        String kind,
        String sandbox,
        String cluster,
        String schedule,
        List<UserCheck> checks,
        boolean suspended,
        Instant nextRunAt,
        Instant lastRunAt,
        UUID lastDrillId,
        String lastError,
        Instant createdAt,
        Instant updatedAt) {

    public static DrillPlanView of(DrillPlan plan) {
        return new DrillPlanView(plan.name, plan.relationship, plan.kind.wireName(), plan.sandbox, plan.cluster,
                plan.schedule,
                List.copyOf(plan.userChecks), plan.suspended, plan.nextRunAt, plan.lastRunAt, plan.lastDrillId,
                plan.lastError, plan.createdAt, plan.updatedAt);
    }
}
