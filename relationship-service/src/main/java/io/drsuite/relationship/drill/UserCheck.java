package io.drsuite.relationship.drill;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.drsuite.platform.validation.Names;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A named read-only query the drill runs on the promoted copy, and the result it must give (the first column of the
 * first row, as text).
 *
 * @param database the database it runs in; absent: {@code postgres}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserCheck(
        @NotNull @Pattern(regexp = Names.IDENTIFIER, message = Names.IDENTIFIER_RULE) String name,
        @Size(min = 1, max = 63) @Pattern(regexp = "[^\\x00-\\x1f\\x7f]+",
                message = "must be a database name without control characters") String database,
        @NotBlank @Size(max = 4000) String sql,
        @NotNull @Size(max = 1000) String expected) {
}
