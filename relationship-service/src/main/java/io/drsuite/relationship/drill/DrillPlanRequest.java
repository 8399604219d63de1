package io.drsuite.relationship.drill;

import io.drsuite.platform.validation.Names;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /api/v1/drill-plans} and {@code PUT /api/v1/drill-plans/{name}} (which replaces the plan; a
 * plan is not renamed, so there the name may be left out).
 *
 * @param name the plan's name; required when creating
 * @param relationship the relationship's name
 * @param sandbox the sandbox's name; a switchover round trip takes none, the other kinds need one
 * @param kind the drill's kind, as a drill request's ({@code failover_rehearsal} by default)
 * @param cluster for a restore test, the side whose backup is tested (production's by default)
 * @param schedule Unix cron (minute hour day-of-month month day-of-week), in UTC
 * @param checks the user checks, as a drill's: at most 20, distinct names
 * @param suspended kept without starting drills; absent: false
 */
public record DrillPlanRequest(
        @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String name,
        @NotNull @Pattern(regexp = Names.RELATIONSHIP, message = Names.RELATIONSHIP_RULE) String relationship,
        @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String sandbox,
        @NotNull @Size(max = 200) String schedule,
        @Size(max = 20) List<@NotNull @Valid UserCheck> checks,
        Boolean suspended,
        String kind,
        @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String cluster) {

    public List<UserCheck> userChecks() {
        return checks == null ? List.of() : checks;
    }

    public boolean isSuspended() {
        return Boolean.TRUE.equals(suspended);
    }
}
