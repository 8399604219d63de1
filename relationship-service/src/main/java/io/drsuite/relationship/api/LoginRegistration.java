package io.drsuite.relationship.api;

import io.drsuite.platform.validation.Names;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A database login given at registration. The password is sealed before it is stored and never returned.
 */
public record LoginRegistration(
        @NotNull @Pattern(regexp = Names.ROLE, message = Names.ROLE_RULE) String username,
        @NotNull @Size(min = 1, max = 1024) String password) {

    @Override
    public String toString() {
        return "LoginRegistration[username=" + username + ", password=***]";
    }
}
