package io.drsuite.cli.auth;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.cli.CliFailure;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.http.HttpClients;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The identity provider's token endpoints as drctl uses them (OAuth 2.0 with OpenID Connect discovery): the device
 * authorization grant (RFC 8628), the resource owner password grant for the demo users, client credentials for
 * automation, and refresh. Its errors become {@link CliFailure}s without the secrets that were sent.
 */
public final class OidcClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final URI issuer;
    private final String clientId;
    private final ObjectMapper json;
    private HttpClient http;
    private JsonNode discovery;

    public OidcClient(URI issuer, String clientId, ObjectMapper json) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.json = json;
    }

    public String clientId() {
        return clientId;
    }

    public Session password(String username, char[] password) {
        return session("password", post(tokenEndpoint(), Map.of("grant_type", "password", "client_id", clientId,
                "username", username, "password", new String(password), "scope", "openid")));
    }

    public Session clientCredentials(String secret) {
        return session("client_credentials", post(tokenEndpoint(), Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret)));
    }

    /**
     * Renews a session at the token endpoint it was issued by. A provider may leave the refresh token out of its
     * answer; the one held then stays valid (RFC 6749, 6).
     */
    public Session refresh(Session held) {
        JsonNode answer = post(held.tokenEndpoint(), Map.of("grant_type", "refresh_token",
                "client_id", held.clientId(), "refresh_token", held.refreshToken()));
        Session renewed = session(held.grant(), held.tokenEndpoint(), answer);
        return renewed.refreshToken() != null ? renewed : new Session(renewed.issuer(), renewed.clientId(),
                renewed.tokenEndpoint(), renewed.grant(), renewed.accessToken(), renewed.accessExpiresAt(),
                held.refreshToken(), held.refreshExpiresAt());
    }

    public DeviceAuthorization startDeviceAuthorization() {
        String endpoint = text(discovery(), "device_authorization_endpoint")
                .orElseThrow(() -> CliFailure.notSignedIn(issuer + " does not offer the device authorization grant; "
                        + "use drctl login --username or --client-credentials"));
        JsonNode answer = post(endpoint, Map.of("client_id", clientId, "scope", "openid"));
        return new DeviceAuthorization(answer.get("device_code").asText(), answer.get("user_code").asText(),
                answer.get("verification_uri").asText(),
                text(answer, "verification_uri_complete").orElse(null),
                Instant.now().plusSeconds(answer.path("expires_in").asLong(600)),
                Duration.ofSeconds(Math.max(1, answer.path("interval").asLong(5))));
    }

    /** One poll of the token endpoint: the session once the user approved, else how long to wait before the next. */
    public DevicePoll pollDeviceAuthorization(DeviceAuthorization device, Duration interval) {
        Map<String, String> form = Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "client_id", clientId, "device_code", device.deviceCode());
        HttpResponse<String> response = exchange(tokenEndpoint(), form);
        JsonNode answer = parse(response.body());
        if (response.statusCode() == 200) {
            return new DevicePoll(session("device", tokenEndpoint(), answer), interval);
        }
        return switch (text(answer, "error").orElse("")) {
            case "authorization_pending" -> new DevicePoll(null, interval);
            // RFC 8628, 3.5: wait five seconds longer from now on
            case "slow_down" -> new DevicePoll(null, interval.plusSeconds(5));
            case "access_denied" -> throw CliFailure.notSignedIn("the sign-in was denied in the browser");
            case "expired_token" -> throw CliFailure.notSignedIn("the code expired before the sign-in was approved: "
                    + "run drctl login again");
            default -> throw refused(answer, response.statusCode());
        };
    }

    /** The answer of one poll: the session, or null and the interval to wait before polling again. */
    public record DevicePoll(Session session, Duration interval) {
    }

    /** Revokes the refresh token at the provider, when it offers revocation; a failure only means it expires later. */
    public boolean revoke(Session session) {
        if (session.refreshToken() == null) {
            return false;
        }
        try {
            return text(discovery(), "revocation_endpoint").map(endpoint -> exchange(endpoint, Map.of(
                    "client_id", session.clientId(), "token", session.refreshToken(),
                    "token_type_hint", "refresh_token")).statusCode() == 200).orElse(false);
        } catch (CliFailure unreachable) {
            return false;
        }
    }

    private String tokenEndpoint() {
        return text(discovery(), "token_endpoint")
                .orElseThrow(() -> CliFailure.notSignedIn(issuer + " names no token endpoint"));
    }

    private JsonNode discovery() {
        if (discovery == null) {
            URI uri = URI.create(issuer + "/.well-known/openid-configuration");
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build());
            if (response.statusCode() >= 500) {
                throw CliFailure.unreachable("the identity provider at " + issuer + " is not available (HTTP "
                        + response.statusCode() + ")", null);
            }
            if (response.statusCode() != 200) {
                throw CliFailure.notSignedIn("no OpenID provider at " + issuer + " (HTTP " + response.statusCode()
                        + "); set --issuer or DRCTL_ISSUER");
            }
            discovery = parse(response.body());
        }
        return discovery;
    }

    private Session session(String grant, JsonNode token) {
        return session(grant, tokenEndpoint(), token);
    }

    private Session session(String grant, String tokenEndpoint, JsonNode token) {
        Instant now = Instant.now();
        long refreshLifetime = token.path("refresh_expires_in").asLong(0);
        if (!token.hasNonNull("access_token")) {
            throw CliFailure.notSignedIn("the identity provider at " + issuer + " answered without an access token");
        }
        return new Session(issuer.toString(), clientId, tokenEndpoint, grant, token.get("access_token").asText(),
                now.plusSeconds(token.path("expires_in").asLong(60)),
                text(token, "refresh_token").orElse(null),
                refreshLifetime > 0 ? now.plusSeconds(refreshLifetime) : null);
    }

    private JsonNode post(String endpoint, Map<String, String> form) {
        HttpResponse<String> response = exchange(endpoint, form);
        JsonNode answer = parse(response.body());
        if (response.statusCode() >= 500) {
            throw CliFailure.unreachable("the identity provider at " + issuer + " is not available (HTTP "
                    + response.statusCode() + ")", null);
        }
        if (response.statusCode() != 200) {
            throw refused(answer, response.statusCode());
        }
        return answer;
    }

    private HttpResponse<String> exchange(String endpoint, Map<String, String> form) {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), UTF_8) + "=" + URLEncoder.encode(field.getValue(), UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(endpoint)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        if (http == null) {
            http = HttpClients.open(Duration.ofSeconds(5));
        }
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw CliFailure.unreachable("cannot reach the identity provider at " + issuer + " (set --issuer or "
                    + "DRCTL_ISSUER): " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCode.DETACHED, "interrupted");
        }
    }

    private static CliFailure refused(JsonNode answer, int status) {
        String error = text(answer, "error").orElse("HTTP " + status);
        String description = text(answer, "error_description").orElse("");
        return CliFailure.notSignedIn("sign-in refused: " + error + (description.isEmpty() ? "" : " (" + description
                + ")"));
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.nullNode() : json.readTree(body);
        } catch (IOException e) {
            return json.nullNode();
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        return node != null && node.hasNonNull(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
    }

    /** What the user is shown to approve a device sign-in, and what drctl polls with. */
    public record DeviceAuthorization(String deviceCode, String userCode, String verificationUri,
            String verificationUriComplete, Instant expiresAt, Duration interval) {

        @Override
        public String toString() {
            return "DeviceAuthorization[" + userCode + " at " + verificationUri + "]";
        }
    }
}
