package io.drsuite.testing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * Swagger UI's sign-in driven without a browser against the tests' Keycloak, through the flow a service's OpenAPI
 * document names. The realm's answers are the same for every service (its redirects cover all five ports), so one
 * service's tests run it, not all five twice.
 */
public abstract class SwaggerSignInFlowContract {

    /**
     * The issuer takes the authorization request Swagger UI sends the browser with: its login page for a redirect back
     * to a service's Swagger UI, a refusal for any other redirect and for a request without PKCE.
     */
    @Test
    void theIssuerTakesSwaggerUisAuthorizationRequest() {
        AuthorizationCodeFlow flow = browserSignInFlow();
        flow.authorize(AuthorizationCodeFlow.REDIRECT_URI).then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("id=\"kc-form-login\""));
        flow.authorize(AuthorizationCodeFlow.SWAGGER_UI_ORIGIN + "/elsewhere").then().statusCode(400)
                .body(not(containsString("kc-form-login")));
        flow.authorize("http://drsuite.invalid:8081/q/swagger-ui/oauth2-redirect.html").then().statusCode(400);
        flow.authorizeWithoutPkce(AuthorizationCodeFlow.REDIRECT_URI).then().statusCode(302)
                .header("Location", startsWith(AuthorizationCodeFlow.REDIRECT_URI + "?error=invalid_request"));
    }

    /**
     * The whole of Swagger UI's sign-in without a browser: sign in on the issuer's page as a demo user, trade the code
     * for a token from Swagger UI's origin (which the issuer allows), and call the API with it.
     */
    @Test
    void swaggerUisSignInGivesATokenTheServiceTakes() {
        AuthorizationCodeFlow flow = browserSignInFlow();
        String code = flow.signIn(flow.authorize(AuthorizationCodeFlow.REDIRECT_URI), SignedIn.VIEWER);
        String token = flow.token(code).then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(AuthorizationCodeFlow.SWAGGER_UI_ORIGIN))
                .body("token_type", equalToIgnoringCase("bearer"))
                .extract().path("access_token");
        flow.token(code).then().statusCode(400);

        RestAssured.given().auth().oauth2(token).when().get("/api/v1/audit/verification").then().statusCode(200)
                .body("intact", equalTo(true));
    }

    /** The flow Swagger UI follows: the one the service's OpenAPI document names. */
    private static AuthorizationCodeFlow browserSignInFlow() {
        JsonPath document = RestAssured.given().when().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        return new AuthorizationCodeFlow(flowUrl(document, "authorizationUrl"), flowUrl(document, "tokenUrl"));
    }

    static String flowUrl(JsonPath document, String name) {
        return document.getString("components.securitySchemes.'drsuite-browser-sign-in'.flows.authorizationCode."
                + name);
    }
}
