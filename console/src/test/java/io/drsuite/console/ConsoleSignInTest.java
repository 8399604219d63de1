package io.drsuite.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.drsuite.testing.ConsoleSignIn;
import io.drsuite.testing.LocalInfrastructure;
import io.drsuite.testing.SignedIn;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Signing in to the console with the real identity provider: anonymous visitors are sent to sign in with PKCE,
 * background requests are told to reload instead, the session carries the user's roles, the open endpoints stay
 * open and every asset comes from the console itself.
 */
@QuarkusTest
class ConsoleSignInTest {

    private static final String URL = ConsoleTestInfrastructure.url();

    @Test
    void anAnonymousVisitorIsSentToTheIdentityProviderWithPkce() {
        Response response = given().redirects().follow(false).when().get(URL + "/");
        assertEquals(302, response.statusCode());
        String location = response.header("Location");
        assertTrue(location.startsWith(LocalInfrastructure.oidcIssuer() + "/protocol/openid-connect/auth?"), location);
        assertTrue(location.contains("code_challenge_method=S256"), location);
        assertTrue(location.contains("redirect_uri=" + java.net.URLEncoder.encode(URL + "/signed-in",
                java.nio.charset.StandardCharsets.UTF_8)), location);
    }

    @Test
    void aBackgroundRequestWithoutSessionIsAnsweredSoThePageReloads() {
        given().redirects().follow(false).header("HX-Request", "true")
                .when().get(URL + "/fragments/relationships")
                .then().statusCode(499);
    }

    @Test
    void aSignedInViewerSeesTheirNameAndRoleAndAServiceThatCannotBeReachedIsNamed() {
        Map<String, String> session = ConsoleSignIn.as(URL, SignedIn.VIEWER);
        given().cookies(session).redirects().follow(false)
                .when().get(URL + "/")
                .then().statusCode(503)
                .body(containsString("relationship-service cannot be reached"))
                .body(containsString("class=\"user-name\">viewer<"))
                .body(containsString("class=\"role-badge\" title=\"Your role in the suite\">viewer<"));
    }

    @Test
    void anOperatorsAndAnAdminsRolesAreTheirOwn() {
        given().cookies(ConsoleSignIn.as(URL, SignedIn.OPERATOR)).header("HX-Request", "true")
                .when().get(URL + "/fragments/relationships")
                .then().statusCode(503).body(containsString("class=\"problem\""));
        given().cookies(ConsoleSignIn.as(URL, SignedIn.ADMIN)).redirects().follow(false)
                .when().get(URL + "/")
                .then().body(containsString(">admin<"));
    }

    @Test
    void healthMetricsAndAssetsAreOpenAndServedByTheConsole() {
        given().when().get(URL + "/q/health/ready").then().statusCode(200);
        given().when().get(URL + "/q/metrics").then().statusCode(200)
                .body(containsString("drsuite_console_live_pages"));
        given().when().get(URL + "/webjars/htmx.org/2.0.4/dist/htmx.min.js").then().statusCode(200)
                .contentType(startsWith("text/javascript"));
        given().when().get(URL + "/webjars/htmx-ext-sse/2.2.2/sse.js").then().statusCode(200);
        given().when().get(URL + "/webjars/uplot/1.6.30/dist/uPlot.iife.min.js").then().statusCode(200);
        given().when().get(URL + "/console/console.css").then().statusCode(200)
                .body(containsString("prefers-color-scheme: dark"));
        given().when().get(URL + "/signed-out").then().statusCode(200)
                .body(containsString("You are signed out"));
    }

    @Test
    void pagesTellBrowsersToLoadNothingFromElsewhere() {
        given().cookies(ConsoleSignIn.as(URL, SignedIn.VIEWER)).redirects().follow(false)
                .when().get(URL + "/")
                .then().header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("X-Frame-Options", "DENY");
    }
}
