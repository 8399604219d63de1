package io.drsuite.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.OAuthFlow;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;

class BrowserSignInTest {

    private static final String ISSUER = "https://sso.example.com/realms/drsuite";

    private final BrowserSignIn filter = new BrowserSignIn(new SignInEndpoints() {
        @Override
        public String authorizationUrl() {
            return ISSUER + "/protocol/openid-connect/auth";
        }

        @Override
        public String tokenUrl() {
            return ISSUER + "/protocol/openid-connect/token";
        }
    });

    @Test
    void addsTheAuthorizationCodeFlowOfTheConfiguredEndpoints() {
        OpenAPI document = OASFactory.createOpenAPI();
        filter.filterOpenAPI(document);

        SecurityScheme scheme = document.getComponents().getSecuritySchemes().get(BrowserSignIn.SCHEME);
        assertEquals(SecurityScheme.Type.OAUTH2, scheme.getType());
        OAuthFlow flow = scheme.getFlows().getAuthorizationCode();
        assertEquals(ISSUER + "/protocol/openid-connect/auth", flow.getAuthorizationUrl());
        assertEquals(ISSUER + "/protocol/openid-connect/token", flow.getTokenUrl());
        assertEquals(List.of("openid"), List.copyOf(flow.getScopes().keySet()));
        assertNull(scheme.getFlows().getImplicit());
    }

    @Test
    void anOperationThatAsksForATokenAlsoTakesTheBrowserSignInOnce() {
        Operation operation = OASFactory.createOperation()
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("drsuite-sign-in", "viewer"));

        filter.filterOperation(filter.filterOperation(operation));

        assertEquals(List.of(Map.of("drsuite-sign-in", List.of("viewer")), Map.of(BrowserSignIn.SCHEME, List.of())),
                operation.getSecurity().stream().map(SecurityRequirement::getSchemes).toList());
    }

    @Test
    void anOpenOperationStaysOpen() {
        Operation unmarked = OASFactory.createOperation();
        Operation anonymous = OASFactory.createOperation()
                .addSecurityRequirement(OASFactory.createSecurityRequirement());

        assertNull(filter.filterOperation(unmarked).getSecurity());
        assertEquals(1, filter.filterOperation(anonymous).getSecurity().size());
    }
}
