package io.drsuite.relationship.drill;

import io.drsuite.platform.validation.Names;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A named read-only query the drill runs on the promoted copy, and the result it must give (the first column of the
 * first row, as text).
 */
public record UserCheck(
        @NotNull @Pattern(regexp = Names.IDENTIFIER, message = Names.IDENTIFIER_RULE) String name,
        @NotBlank @Size(max = 4000) String sql,
        @NotNull @Size(max = 1000) String expected) {
}
