package io.drsuite.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.drsuite.testing.ConsoleSignIn;
import io.drsuite.testing.LocalInfrastructure;
import io.drsuite.testing.SignedIn;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged console (target/quarkus-app, production profile) against the real Kafka and Keycloak: ready, metrics
 * served, anonymous visitors sent to the identity provider, and a demo user signed in. Its run also trains the AOT
 * cache the JVM image starts with.
 */
@QuarkusIntegrationTest
@WithTestResource(value = PackagedConsoleSettings.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PackagedConsoleIT {

    private static final String URL = ConsoleTestInfrastructure.url();

    @Test
    void readyWhenKafkaIsReachable() {
        given().when().get(URL + "/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("Kafka connection health check"));
        given().when().get(URL + "/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void servesPrometheusMetrics() {
        given().accept("text/plain").when().get(URL + "/q/metrics").then().statusCode(200)
                .contentType(startsWith("text/plain"))
                .body(containsString("drsuite_console_live_pages"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void anAnonymousVisitorIsSentToTheIdentityProvider() {
        Response response = given().redirects().follow(false).when().get(URL + "/");
        assertEquals(302, response.statusCode());
        String location = response.header("Location");
        assertTrue(location.startsWith(LocalInfrastructure.oidcIssuer() + "/protocol/openid-connect/auth?"), location);
        assertTrue(location.contains("code_challenge_method=S256"), location);
    }

    /** Signed in, then out: the identity provider ends the session and sends the browser back to the console. */
    @Test
    void anOperatorSignsInAndOut() {
        Map<String, String> session = ConsoleSignIn.as(URL, SignedIn.OPERATOR);
        given().cookies(session).redirects().follow(false)
                .when().get(URL + "/")
                .then().statusCode(503)
                .body(containsString("relationship-service cannot be reached"))
                .body(containsString("class=\"user-name\">operator<"));

        Response signOut = given().cookies(session).redirects().follow(false).when().get(URL + "/sign-out");
        assertEquals(302, signOut.statusCode());
        String endSession = signOut.header("Location");
        assertTrue(endSession.startsWith(LocalInfrastructure.oidcIssuer() + "/protocol/openid-connect/logout?"),
                endSession);
        Response provider = given().urlEncodingEnabled(false).redirects().follow(false).when().get(endSession);
        assertEquals(302, provider.statusCode(), provider.asString());
        String back = provider.header("Location");
        assertTrue(back.startsWith(URL + "/signed-out"), back);
        given().when().get(back).then().statusCode(200).body(containsString("You are signed out"));
    }
}
