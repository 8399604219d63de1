package io.drsuite.platform.openapi;

import io.smallrye.config.ConfigMapping;

/**
 * The identity provider's endpoints a browser signs in through, for Swagger UI's Authorize. Run-time settings, like
 * the issuer they default to (Keycloak's paths under it; see microprofile-config.properties and docs/security.md).
 */
@ConfigMapping(prefix = "drsuite.oidc")
public interface SignInEndpoints {

    /** Where the browser is sent to sign in: the provider's {@code authorization_endpoint}. */
    String authorizationUrl();

    /** Where the browser trades the code for a token: the provider's {@code token_endpoint}. */
    String tokenUrl();
}
