package io.drsuite.recyclebin.api;

import io.drsuite.platform.validation.Names;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * What to move into the recycle bin: a table ({@code schema} defaults to {@code public}), a whole schema (no
 * {@code table}), or a whole database (neither).
 *
 * @param requestedBy who asked, recorded with the entry; {@code api} when absent
 */
public record DropRequest(
        @NotNull @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String cluster,
        @NotNull @Pattern(regexp = Names.IDENTIFIER, message = Names.IDENTIFIER_RULE) String database,
        @Pattern(regexp = Names.IDENTIFIER, message = Names.IDENTIFIER_RULE) String schema,
        @Pattern(regexp = Names.IDENTIFIER, message = Names.IDENTIFIER_RULE) String table,
        @Pattern(regexp = Names.ROLE, message = Names.ROLE_RULE) String requestedBy) {
}
