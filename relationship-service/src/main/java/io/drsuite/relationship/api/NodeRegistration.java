package io.drsuite.relationship.api;

import io.drsuite.platform.validation.Names;
import io.drsuite.platform.validation.NetworkHost;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One node of a cluster being registered. Its role is discovered, not declared.
 */
public record NodeRegistration(
        @NotNull @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String name,
        @NotNull @NetworkHost String host,
        @NotNull @Min(1) @Max(65535) Integer port,
        @NotNull @Pattern(regexp = Names.ABSOLUTE_PATH, message = Names.ABSOLUTE_PATH_RULE) String dataDirectory,
        @NotNull @Valid HostAccessRegistration access) {

    public String address() {
        return host + ":" + port;
    }
}
