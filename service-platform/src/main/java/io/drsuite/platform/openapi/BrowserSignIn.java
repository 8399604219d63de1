package io.drsuite.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Swagger UI's sign-in through the browser. Adds to the OpenAPI document an OAuth2 scheme with the identity provider's
 * authorization code flow, and names it on every operation that asks for the bearer token, as the alternative to
 * pasting a token: Authorize then offers both. The provider's endpoints are run-time settings, as the issuer is, so
 * the scheme is added when the service starts, not when it is built (the bearer scheme, which names no address, is
 * added at build time by {@code quarkus.smallrye-openapi.security-scheme}). Swagger UI signs in as the public client
 * {@value #CLIENT_ID} with PKCE ({@code quarkus.swagger-ui.oauth-*} in microprofile-config.properties).
 */
@Singleton
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class BrowserSignIn implements OASFilter {

    /** The scheme's name in the document, beside the bearer scheme {@code drsuite-sign-in}. */
    public static final String SCHEME = "drsuite-browser-sign-in";
    /** Swagger UI's client at the identity provider (a build-time setting of Swagger UI). */
    public static final String CLIENT_ID = "drsuite-swagger";
    /** The scope Swagger UI asks for; the services check no scope. */
    static final String OPENID = "openid";

    private final SignInEndpoints endpoints;

    BrowserSignIn(SignInEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSecurityScheme(SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("Sign in with the suite's identity provider in the browser (authorization code with "
                        + "PKCE, client " + CLIENT_ID + ")")
                .flows(OASFactory.createOAuthFlows().authorizationCode(OASFactory.createOAuthFlow()
                        .authorizationUrl(endpoints.authorizationUrl())
                        .tokenUrl(endpoints.tokenUrl())
                        .addScope(OPENID, "OpenID Connect sign-in"))));
        if (openAPI.getSecurity() != null) {
            openAPI.setSecurity(withBrowserSignIn(openAPI.getSecurity()));
        }
    }

    /** An operation that asks for a token also takes one from the browser sign-in; an open one stays open. */
    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getSecurity() != null) {
            operation.setSecurity(withBrowserSignIn(operation.getSecurity()));
        }
        return operation;
    }

    private static List<SecurityRequirement> withBrowserSignIn(List<SecurityRequirement> alternatives) {
        boolean needsToken = alternatives.stream().anyMatch(requirement -> !requirement.getSchemes().isEmpty());
        boolean named = alternatives.stream().anyMatch(requirement -> requirement.hasScheme(SCHEME));
        if (!needsToken || named) {
            return alternatives;
        }
        List<SecurityRequirement> widened = new ArrayList<>(alternatives);
        widened.add(OASFactory.createSecurityRequirement().addScheme(SCHEME));
        return widened;
    }
}
