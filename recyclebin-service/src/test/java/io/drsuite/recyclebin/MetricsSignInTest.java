package io.drsuite.recyclebin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.drsuite.testing.SignedIn;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code /q/metrics} closed by configuration, as docs/security.md describes for every service (the environment
 * variables QUARKUS_HTTP_AUTH_PERMISSION_METRICS_PATHS and _POLICY): a scrape without a token is refused, one with
 * an access token of the issuer is served, and the health probes stay open.
 */
@QuarkusTest
@TestProfile(MetricsSignInTest.MetricsNeedAToken.class)
class MetricsSignInTest {

    public static class MetricsNeedAToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.auth.permission.metrics.paths", "/q/metrics",
                    "quarkus.http.auth.permission.metrics.policy", "authenticated");
        }
    }

    @Test
    void aScrapeNeedsATokenAndTheProbesDoNot() {
        RestAssured.given().get("/q/metrics").then().statusCode(401);
        SignedIn.as(SignedIn.VIEWER).accept("text/plain").get("/q/metrics").then().statusCode(200)
                .body(containsString("drsuite_outbox_pending"));
        RestAssured.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
