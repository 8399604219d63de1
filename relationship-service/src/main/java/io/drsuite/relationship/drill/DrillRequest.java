package io.drsuite.relationship.drill;

import io.drsuite.platform.validation.Names;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /api/v1/drills}.
 *
 * @param relationship the relationship's name
 * @param sandbox the sandbox's name; a switchover round trip takes none, the other kinds need one
 * @param kind {@code failover_rehearsal} (the default), {@code switchover_round_trip} or {@code restore_test}
 * @param cluster for a restore test, the side of the relationship whose backup is tested (production's by default)
 * @param checks the user checks, at most 20; none is allowed (the built-in checks always run)
 */
public record DrillRequest(
        @NotNull @Pattern(regexp = Names.RELATIONSHIP, message = Names.RELATIONSHIP_RULE) String relationship,
        @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String sandbox,
        String kind,
        @Size(max = 20) List<@NotNull @Valid UserCheck> checks,
        @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String cluster) {

    public List<UserCheck> userChecks() {
        return checks == null ? List.of() : checks;
    }
}
