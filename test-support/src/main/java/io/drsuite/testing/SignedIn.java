package io.drsuite.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Requests signed in as one of the demo users of the tests' Keycloak ({@code viewer}, {@code operator},
 * {@code admin}), with a real access token from the direct grant of the {@code drsuite-cli} client. Their passwords
 * are the ones {@code deploy/local/keycloak.sh} generated into the test run's {@code secrets/keycloak.env}. A token
 * is reused until shortly before it expires.
 */
public final class SignedIn {

    public static final String VIEWER = "viewer";
    public static final String OPERATOR = "operator";
    public static final String ADMIN = "admin";

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);
    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHORT_LIVED_CLIENT = "drsuite-test-short-lived";

    private SignedIn() {
    }

    /** A request as the demo admin: what most tests do, as they set up and change things. */
    public static RequestSpecification given() {
        return as(ADMIN);
    }

    public static RequestSpecification as(String user) {
        return RestAssured.given().auth().oauth2(accessToken(user));
    }

    /** An access token of a demo user, for a test that sends it itself. */
    public static String accessToken(String user) {
        return TOKENS.compute(user, (name, held) -> held != null && held.fresh() ? held : signIn(name)).value();
    }

    /**
     * A real token of a demo user that has expired, past a service's clock skew: issued by the tests' Keycloak through
     * a client of its own whose tokens live one second (made on first use through Keycloak's admin API), then left
     * to expire.
     */
    public static String expiredAccessToken(String user, Duration clockSkew) throws InterruptedException {
        ensureShortLivedClient();
        JsonNode token = post(LocalInfrastructure.oidcIssuer() + "/protocol/openid-connect/token", null,
                "application/x-www-form-urlencoded", form(Map.of("grant_type", "password", "client_id",
                        SHORT_LIVED_CLIENT, "username", user, "password", demoPassword(user))), 200);
        Thread.sleep(Duration.ofSeconds(token.get("expires_in").asLong() + 1).plus(clockSkew));
        return token.get("access_token").asText();
    }

    /**
     * A client of the tests' realm for a web console served at {@code origin} (a test's own port): public, the
     * authorization code flow with PKCE, redirects back to that origin only, tokens for the suite's API. The realm's
     * own {@code drsuite-console} client allows the console's usual ports only. Made through Keycloak's admin API on
     * first use; the same origin gets the same client.
     *
     * @return the client id
     */
    public static synchronized String consoleClient(String origin) {
        String clientId = "drsuite-console-test-" + URI.create(origin).getPort();
        String client = "{\"clientId\":\"" + clientId + "\",\"publicClient\":true,"
                + "\"standardFlowEnabled\":true,\"directAccessGrantsEnabled\":false,"
                + "\"redirectUris\":[\"" + origin + "/*\"],\"webOrigins\":[\"+\"],"
                + "\"attributes\":{\"pkce.code.challenge.method\":\"S256\",\"post.logout.redirect.uris\":\"+\"},"
                + "\"protocolMappers\":[{\"name\":\"audience\",\"protocol\":\"openid-connect\","
                + "\"protocolMapper\":\"oidc-audience-mapper\",\"config\":{\"included.custom.audience\":"
                + "\"drsuite-api\",\"access.token.claim\":\"true\"}}]}";
        post(keycloakBaseUrl() + "/admin/realms/drsuite/clients", keycloakAdminToken(), "application/json", client,
                201, 409);
        return clientId;
    }

    private static String keycloakBaseUrl() {
        return LocalInfrastructure.oidcIssuer().replace("/realms/drsuite", "");
    }

    private static String keycloakAdminToken() {
        JsonNode admin = post(keycloakBaseUrl() + "/realms/master/protocol/openid-connect/token", null,
                "application/x-www-form-urlencoded", form(Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", "admin", "password", secret("KEYCLOAK_BOOTSTRAP_ADMIN_PASSWORD"))), 200);
        return admin.get("access_token").asText();
    }

    private static synchronized void ensureShortLivedClient() {
        String keycloak = keycloakBaseUrl();
        String client = "{\"clientId\":\"" + SHORT_LIVED_CLIENT + "\",\"publicClient\":true,"
                + "\"standardFlowEnabled\":false,\"directAccessGrantsEnabled\":true,"
                + "\"attributes\":{\"access.token.lifespan\":\"1\"},"
                + "\"protocolMappers\":[{\"name\":\"audience\",\"protocol\":\"openid-connect\","
                + "\"protocolMapper\":\"oidc-audience-mapper\",\"config\":{\"included.custom.audience\":"
                + "\"drsuite-api\",\"access.token.claim\":\"true\"}}]}";
        // 201 when made now, 409 when an earlier test made it.
        post(keycloak + "/admin/realms/drsuite/clients", keycloakAdminToken(), "application/json", client, 201, 409);
    }

    private static Token signIn(String user) {
        JsonNode body = post(LocalInfrastructure.oidcIssuer() + "/protocol/openid-connect/token", null,
                "application/x-www-form-urlencoded", form(Map.of("grant_type", "password", "client_id", "drsuite-cli",
                        "username", user, "password", demoPassword(user), "scope", "openid")), 200);
        return new Token(body.get("access_token").asText(),
                Instant.now().plusSeconds(body.get("expires_in").asLong()).minus(RENEW_BEFORE_EXPIRY));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static JsonNode post(String url, String bearer, String contentType, String body, int... expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", contentType)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (Arrays.stream(expected).noneMatch(status -> status == response.statusCode())) {
                throw new IllegalStateException("Keycloak answered " + url + " with HTTP " + response.statusCode()
                        + ": " + response.body());
            }
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the tests' Keycloak at " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A demo user's password, for a test that signs in through another client (drctl). */
    public static String demoPassword(String user) {
        return secret("DRSUITE_DEMO_" + user.toUpperCase() + "_PASSWORD");
    }

    /** The automation service account's client secret (drsuite-automation), for client-credentials sign-ins. */
    public static String automationClientSecret() {
        return secret("DRSUITE_AUTOMATION_CLIENT_SECRET");
    }

    /** From the test run's secrets file, read without executing it. */
    private static String secret(String name) {
        String key = name + "=";
        Path secrets = RepositoryRoot.testRunDir().resolve("secrets/keycloak.env");
        try {
            return Files.readAllLines(secrets).stream().filter(line -> line.startsWith(key))
                    .map(line -> line.substring(key.length())).findFirst()
                    .orElseThrow(() -> new IllegalStateException(name + " missing from " + secrets));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the Keycloak secrets from " + secrets, e);
        }
    }

    private record Token(String value, Instant renewAt) {
        boolean fresh() {
            return Instant.now().isBefore(renewAt);
        }
    }
}
