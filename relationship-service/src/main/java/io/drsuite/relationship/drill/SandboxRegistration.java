package io.drsuite.relationship.drill;

import io.drsuite.platform.node.HostAccessRegistration;
import io.drsuite.platform.validation.Names;
import io.drsuite.platform.validation.NetworkHost;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code POST /api/v1/sandboxes}: where throwaway PostgreSQL instances may be made, with the host access a
 * cluster node has.
 *
 * @param dataRoot the folder under which each drill gets {@code drill-<id>}; absolute and normalised
 * @param portFrom first port the suite may listen on (1024..65535)
 * @param portTo last port, at most 999 above portFrom
 */
public record SandboxRegistration(
        @NotNull @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String name,
        @NotNull @NetworkHost String host,
        @NotNull @Valid HostAccessRegistration access,
        @NotNull @Pattern(regexp = Names.ABSOLUTE_PATH, message = Names.ABSOLUTE_PATH_RULE) String dataRoot,
        @NotNull @Min(1024) @Max(65535) Integer portFrom,
        @NotNull @Min(1024) @Max(65535) Integer portTo) {

    /** Most ports one sandbox may hold. */
    public static final int MAX_PORTS = 1000;
}
