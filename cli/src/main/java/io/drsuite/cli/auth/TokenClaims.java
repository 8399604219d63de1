package io.drsuite.cli.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Who an access token names and which of the suite's roles it carries, read from its payload for display. The
 * services check the signature; drctl only shows what the token says.
 */
public record TokenClaims(String user, List<String> roles) {

    private static final Set<String> SUITE_ROLES = Set.of("viewer", "operator", "admin");

    public static TokenClaims of(String accessToken, ObjectMapper json) {
        String[] parts = accessToken.split("\\.");
        if (parts.length < 2) {
            return new TokenClaims("(unknown)", List.of());
        }
        try {
            JsonNode payload = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
            String user = payload.path("preferred_username").asText(payload.path("sub").asText("(unknown)"));
            List<String> roles = new ArrayList<>();
            payload.path("realm_access").path("roles").forEach(role -> {
                if (SUITE_ROLES.contains(role.asText())) {
                    roles.add(role.asText());
                }
            });
            return new TokenClaims(user, roles);
        } catch (IOException | IllegalArgumentException e) {
            return new TokenClaims("(unknown)", List.of());
        }
    }
}
