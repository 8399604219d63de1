package io.drsuite.recyclebin.api;

import io.drsuite.platform.validation.Names;
import jakarta.validation.constraints.Pattern;

/** @param as the name to restore under; the original name when absent */
public record RestoreRequest(@Pattern(regexp = Names.IDENTIFIER, message = Names.IDENTIFIER_RULE) String as) {
}
