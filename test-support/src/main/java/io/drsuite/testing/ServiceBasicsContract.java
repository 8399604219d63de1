package io.drsuite.testing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What every service must do, run against each service with real PostgreSQL and Kafka: be ready (database and
 * Kafka reachable), export Prometheus metrics with the outbox's own metrics, publish its OpenAPI document (all three
 * open, for probes and scrapers), answer unknown paths with problem+json, ask for sign-in on every API path, offer Swagger UI
 * the issuer's authorization code flow (the flow itself is driven once, in {@link SwaggerSignInFlowContract}), and
 * audit what changes.
 */
public abstract class ServiceBasicsContract {

    /** Where {@link #publishesOpenApi()} keeps the served document, under the module's directory. */
    public static final String SERVED_OPENAPI = "target/openapi/served.json";

    /** {@code # HELP name text} or {@code # TYPE name counter|gauge|histogram|summary|untyped}. */
    private static final Pattern COMMENT = Pattern.compile(
            "# (HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*|TYPE [a-zA-Z_:][a-zA-Z0-9_:]* (counter|gauge|histogram|summary|untyped))");
    /** {@code name{label="value",...} number [timestamp]}. */
    private static final Pattern SAMPLE = Pattern.compile(
            "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\]|\\\\.)*\",?)*\\})?"
                    + " (-?[0-9.]+([eE][-+]?[0-9]+)?|NaN|[+-]Inf)( -?[0-9]+)?");

    /** A request without a token to the service under test (by default the one the test framework points at). */
    protected RequestSpecification anonymous() {
        return RestAssured.given();
    }

    /** A request signed in as a demo user to the service under test. */
    protected RequestSpecification signedIn(String user) {
        return SignedIn.as(user);
    }

    /** Where the served OpenAPI document is kept. */
    protected Path servedOpenApi() {
        return Path.of(SERVED_OPENAPI);
    }

    @Test
    void readyWhenDatabaseAndKafkaAreReachable() {
        anonymous().when().get("/q/health/ready").then().log().ifValidationFails().statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("Database connections health check"))
                .body(containsString("Kafka connection health check"));
        anonymous().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void exportsPrometheusMetrics() {
        String text = anonymous().accept("text/plain").when().get("/q/metrics").then().statusCode(200)
                .contentType(startsWith("text/plain"))
                .body(containsString("# TYPE drsuite_outbox_pending gauge"))
                .body(containsString("jvm_memory_used_bytes"))
                .extract().asString();
        List<String> malformed = text.lines()
                .filter(line -> !line.isEmpty() && !COMMENT.matcher(line).matches() && !SAMPLE.matcher(line).matches())
                .toList();
        assertTrue(malformed.isEmpty(), "lines that are not Prometheus text format 0.0.4: " + malformed);
    }

    /**
     * The document as the service serves it, run-time filters included, is kept in {@value #SERVED_OPENAPI} for the
     * test command's Spectral check (deploy/checks/openapi.sh), which describes the API clients are built from.
     */
    @Test
    void publishesOpenApi() throws IOException {
        String document = anonymous().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("openapi", startsWith("3.")).extract().asString();
        Path served = servedOpenApi();
        Files.createDirectories(served.getParent());
        Files.writeString(served, document);
    }

    /**
     * Swagger UI's Authorize offers two ways in on every operation that needs a token: paste one, or sign in in the
     * browser through the issuer's authorization code flow, whose endpoints the document names from the run-time
     * issuer; Swagger UI asks for it as the {@code drsuite-swagger} client, with PKCE.
     */
    @Test
    void swaggerUiSignsInThroughTheIssuer() {
        JsonPath document = anonymous().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.'drsuite-sign-in'.scheme", equalTo("bearer"))
                .body("components.securitySchemes.'drsuite-browser-sign-in'.type", equalTo("oauth2"))
                .extract().jsonPath();
        String issuer = LocalInfrastructure.oidcIssuer();
        assertEquals(issuer + "/protocol/openid-connect/auth",
                SwaggerSignInFlowContract.flowUrl(document, "authorizationUrl"));
        assertEquals(issuer + "/protocol/openid-connect/token",
                SwaggerSignInFlowContract.flowUrl(document, "tokenUrl"));

        // Either the bearer token (the requirement lists the operation's roles) or the browser sign-in (no scopes).
        List<String> signedIn = new ArrayList<>();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        paths.forEach((path, item) -> item.forEach((method, operation) -> {
            if (operation instanceof Map<?, ?> fields && fields.get("security") instanceof List<?> alternatives) {
                String where = method + " " + path;
                assertEquals(2, alternatives.size(), where + ": " + alternatives);
                assertEquals(Set.of("drsuite-sign-in"), ((Map<?, ?>) alternatives.get(0)).keySet(), where);
                assertEquals(Map.of("drsuite-browser-sign-in", List.of()), alternatives.get(1), where);
                signedIn.add(where);
            }
        }));
        assertTrue(signedIn.contains("get /api/v1/audit"), () -> "operations that ask for sign-in: " + signedIn);

        anonymous().when().get("/q/swagger-ui/").then().statusCode(200)
                .body(matchesPattern("(?s).*ui\\.initOAuth\\(\\{.*clientId: 'drsuite-swagger'.*"
                        + "usePkceWithAuthorizationCodeGrant: true.*"));
    }


    @Test
    void unknownPathIsAProblem() {
        signedIn(SignedIn.ADMIN).when().get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    /** Deny by default: without a token even a path that does not exist answers 401, as every API path does. */
    @Test
    void withoutATokenTheApiAsksForSignIn() {
        for (String path : List.of("/api/v1/no-such-thing", "/api/v1/tasks", "/api/v1/clusters")) {
            anonymous().when().get(path).then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .body("type", containsString("sign-in-required"))
                    .body("detail", containsString("Authorization: Bearer"));
        }
    }

    /** A token with the right issuer and audience, signed by a key that is not the issuer's, is refused. */
    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        anonymous().auth().oauth2(ForgedTokens.signedByAStranger(LocalInfrastructure.oidcIssuer(), "admin"))
                .when().get("/api/v1/no-such-thing").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", containsString("invalid-token"));
    }

    /**
     * Every request that would change something is in the service's audit log, refused ones too: without a token,
     * with a forged one, and signed in. Each under the correlation id its answer carried (the caller's own when it
     * sent one), and the log's hash chain checks out.
     */
    @Test
    void changesAndRefusalsAreAuditedUnderTheirCorrelationId() {
        String chosen = java.util.UUID.randomUUID().toString();
        anonymous().header("X-Correlation-Id", chosen).when().post("/api/v1/no-such-thing").then()
                .statusCode(401).header("X-Correlation-Id", equalTo(chosen));
        audited(chosen).body("size()", equalTo(1))
                .body("[0].operation", equalTo("POST /api/v1/no-such-thing"))
                .body("[0].outcome", equalTo("refused")).body("[0].status", equalTo(401))
                .body("[0].problem", equalTo("sign-in-required"))
                .body("[0].actor.name", equalTo("anonymous"));

        String forged = anonymous()
                .auth().oauth2(ForgedTokens.signedByAStranger(LocalInfrastructure.oidcIssuer(), "admin"))
                .when().delete("/api/v1/no-such-thing").then().statusCode(401).extract().header("X-Correlation-Id");
        audited(forged).body("size()", equalTo(1))
                .body("[0].problem", equalTo("invalid-token"))
                .body("[0].actor.name", equalTo("anonymous"));

        String viewer = signedIn(SignedIn.VIEWER).contentType("application/json").body("{}")
                .when().put("/api/v1/no-such-thing").then().statusCode(404).extract().header("X-Correlation-Id");
        audited(viewer).body("size()", equalTo(1))
                .body("[0].operation", equalTo("PUT /api/v1/no-such-thing"))
                .body("[0].actor.name", equalTo(SignedIn.VIEWER))
                .body("[0].actor.roles", org.hamcrest.Matchers.hasItem(SignedIn.VIEWER))
                .body("[0].actor.client", equalTo("drsuite-cli"))
                .body("[0].actor.address", org.hamcrest.Matchers.notNullValue())
                .body("[0].hash", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"));

        signedIn(SignedIn.ADMIN).when().get("/api/v1/audit/verification").then().statusCode(200)
                .body("intact", equalTo(true))
                .body("records", org.hamcrest.Matchers.greaterThanOrEqualTo(3));
    }

    private io.restassured.response.ValidatableResponse audited(String correlationId) {
        return signedIn(SignedIn.VIEWER).when().get("/api/v1/audit?correlationId={id}", correlationId).then()
                .statusCode(200);
    }
}
