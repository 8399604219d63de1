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

    private static Token signIn(String user) {
        String form = Map.of("grant_type", "password", "client_id", "drsuite-cli", "username", user,
                "password", demoPassword(user), "scope", "openid").entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(LocalInfrastructure.oidcIssuer()
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused the sign-in of " + user + ": HTTP "
                        + response.statusCode() + " " + response.body());
            }
            JsonNode body = JSON.readTree(response.body());
            return new Token(body.get("access_token").asText(),
                    Instant.now().plusSeconds(body.get("expires_in").asLong()).minus(RENEW_BEFORE_EXPIRY));
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the tests' Keycloak at " + LocalInfrastructure.oidcIssuer(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** From the test run's secrets file, read without executing it. */
    static String demoPassword(String user) {
        String key = "DRSUITE_DEMO_" + user.toUpperCase() + "_PASSWORD=";
        Path secrets = RepositoryRoot.testRunDir().resolve("secrets/keycloak.env");
        try {
            return Files.readAllLines(secrets).stream().filter(line -> line.startsWith(key))
                    .map(line -> line.substring(key.length())).findFirst()
                    .orElseThrow(() -> new IllegalStateException(key + " missing from " + secrets));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the demo users' passwords from " + secrets, e);
        }
    }

    private record Token(String value, Instant renewAt) {
        boolean fresh() {
            return Instant.now().isBefore(renewAt);
        }
    }
}
