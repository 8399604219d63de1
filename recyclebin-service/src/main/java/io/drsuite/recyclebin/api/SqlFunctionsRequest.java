package io.drsuite.recyclebin.api;

import io.drsuite.platform.validation.Names;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Installs the recycle-bin SQL functions in a database.
 *
 * @param guardSchemas schemas in which a plain DROP TABLE is refused (the guard); none when absent
 */
public record SqlFunctionsRequest(
        @NotNull @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String cluster,
        @NotNull @Pattern(regexp = Names.IDENTIFIER, message = Names.IDENTIFIER_RULE) String database,
        @Size(max = 100) List<@NotNull @Pattern(regexp = Names.IDENTIFIER, message = Names.IDENTIFIER_RULE) String>
                guardSchemas) {

    public List<String> guarded() {
        return guardSchemas == null ? List.of() : guardSchemas;
    }
}
