package io.drsuite.recyclebin.api;

import io.drsuite.platform.validation.Names;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * What to move into the recycle bin: a table ({@code schema} defaults to {@code public}), a whole schema (no
 * {@code table}), or a whole database (neither). Who asked is recorded with the entry from the request's token,
 * never from the body.
 */
public record DropRequest(
        @NotNull @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String cluster,
        @NotNull @Pattern(regexp = Names.IDENTIFIER, message = Names.IDENTIFIER_RULE) String database,
        @Pattern(regexp = Names.IDENTIFIER, message = Names.IDENTIFIER_RULE) String schema,
        @Pattern(regexp = Names.IDENTIFIER, message = Names.IDENTIFIER_RULE) String table) {
}
