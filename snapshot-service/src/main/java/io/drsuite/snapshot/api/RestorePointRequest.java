package io.drsuite.snapshot.api;

import io.drsuite.platform.validation.Names;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A named restore point to create on a cluster.
 *
 * @param name 1 to 63 characters, no control characters; unique per cluster
 */
public record RestorePointRequest(
        @NotNull @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String cluster,
        @NotNull @Size(min = 1, max = 63) @Pattern(regexp = "[^\\x00-\\x1F\\x7F]+", message = "must not hold control "
                + "characters") String name) {
}
