package io.drsuite.cli.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.cli.CliFailure;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.FakeHttpServer;
import io.drsuite.cli.auth.Credentials;
import io.drsuite.cli.auth.OidcClient;
import io.drsuite.cli.auth.SessionStore;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.config.Settings;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuiteClientTest {

    private static final String PROBLEM = "application/problem+json";
    private static final ObjectMapper JSON = io.drsuite.cli.auth.SessionStoreTest.JSON;

    @TempDir
    Path home;

    private FakeHttpServer service;
    private final Map<String, String> environment = new HashMap<>();

    @BeforeEach
    void start() throws IOException {
        service = new FakeHttpServer();
        environment.put("DRCTL_CONFIG_DIR", home.toString());
        environment.put("DRCTL_RELATIONSHIP_URL", service.url());
        environment.put(Credentials.TOKEN_VARIABLE, "the-token");
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private SuiteClient client() {
        Settings settings = Settings.resolve(Map.of(), environment);
        Credentials credentials = new Credentials(new SessionStore(home, JSON), settings.issuer(),
                (issuer, clientId) -> new OidcClient(issuer, clientId, JSON), environment, Clock.systemUTC());
        return new SuiteClient(settings, credentials, JSON);
    }

    @Test
    void aSuccessCarriesTheTokenAndTheAnswerAndTheEncodedPathArrivesUnchanged() {
        service.on("/api/v1/relationships/a%2F..%2Fb%20c", 200, "application/json", "{\"name\":\"a/../b c\"}");

        JsonNode answer = client().get(Service.RELATIONSHIP, ApiPath.of("/api/v1/relationships/{}", "a/../b c"));

        assertThat(answer.path("name").asText()).isEqualTo("a/../b c");
        assertThat(service.lastRequest().authorization()).isEqualTo("Bearer the-token");
        assertThat(service.lastRequest().rawPath()).isEqualTo("/api/v1/relationships/a%2F..%2Fb%20c");
    }

    @Test
    void aBodyIsSentAsJsonAndTheLinkHeaderlessAnswerKeepsItsStatus() {
        service.on("/api/v1/relationships", 202, "application/json", "{\"taskId\":\"t1\"}");

        SuiteClient.Answer answer = client().send(Service.RELATIONSHIP, "POST", ApiPath.of("/api/v1/relationships"),
                Map.of("name", "shop"));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.body().path("taskId").asText()).isEqualTo("t1");
        assertThat(service.lastRequest().method()).isEqualTo("POST");
        assertThat(service.lastRequest().body()).isEqualTo("{\"name\":\"shop\"}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "404 | 3 | refused: Not found: no relationship named shop",
        "409 | 3 | refused: Conflict: a task runs on prod",
        "400 | 3 | refused: Invalid request: dr must differ from primary",
        "422 | 3 | refused: Unprocessable: the DR cluster has data",
        "403 | 4 | forbidden: Forbidden: needs admin (your role does not allow this; drctl whoami shows it)",
        "503 | 5 | relationship-service is not available: Unavailable: the database is down",
        "500 | 1 | relationship-service failed: Internal error: boom"})
    void aProblemBecomesItsExitCodeWithTitleAndDetail(int status, int exitCode, String message) {
        String title = message.replaceAll("^[^:]*: ([^:]*):.*$", "$1");
        String detail = message.replaceAll("^[^:]*: [^:]*: ", "").replace(
                " (your role does not allow this; drctl whoami shows it)", "");
        service.on("/api/v1/relationships/shop", status, PROBLEM,
                "{\"type\":\"https://drsuite.io/problems/x\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}");

        assertFailure(() -> client().get(Service.RELATIONSHIP, ApiPath.of("/api/v1/relationships/{}", "shop")),
                exitCode, message);
    }

    @Test
    void unauthorizedIsNotSignedIn() {
        service.on("/api/v1/relationships", 401, PROBLEM, "{\"title\":\"Unauthorized\",\"status\":401}");

        assertFailure(() -> client().get(Service.RELATIONSHIP, ApiPath.of("/api/v1/relationships")),
                ExitCode.NOT_SIGNED_IN_OR_FORBIDDEN,
                "DRCTL_TOKEN was not accepted (expired, or not issued for this suite)");
    }

    @Test
    void unauthorizedWithDrctlsOwnSessionSaysToSignIn() {
        environment.remove(Credentials.TOKEN_VARIABLE);
        environment.put("DRCTL_ISSUER", "http://127.0.0.1:1/realms/drsuite");
        new SessionStore(home, JSON).save(new io.drsuite.cli.auth.Session("http://127.0.0.1:1/realms/drsuite",
                "drsuite-cli", "http://127.0.0.1:1/token", "password", "cached",
                java.time.Instant.now().plusSeconds(300), null, null));
        service.on("/api/v1/relationships", 401, PROBLEM, "{\"title\":\"Unauthorized\",\"status\":401}");

        assertFailure(() -> client().get(Service.RELATIONSHIP, ApiPath.of("/api/v1/relationships")),
                ExitCode.NOT_SIGNED_IN_OR_FORBIDDEN, "not signed in, or the session has expired: run drctl login");
        assertThat(service.lastRequest().authorization()).isEqualTo("Bearer cached");
    }

    @Test
    void anAnswerThatIsNotAProblemStillGivesTheStatus() {
        service.on("/api/v1/relationships", 502, "text/html", "<html>Bad gateway</html>");
        service.on("/api/v1/relationships/x", 404, "text/plain", "");

        assertFailure(() -> client().get(Service.RELATIONSHIP, ApiPath.of("/api/v1/relationships")),
                ExitCode.UNREACHABLE, "relationship-service is not available: HTTP 502");
        assertFailure(() -> client().get(Service.RELATIONSHIP, ApiPath.of("/api/v1/relationships/x")),
                ExitCode.REFUSED, "refused: HTTP 404");
    }

    @Test
    void aClosedPortIsUnreachable() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        environment.put("DRCTL_RELATIONSHIP_URL", "http://127.0.0.1:" + closed);

        assertFailure(() -> client().get(Service.RELATIONSHIP, ApiPath.of("/api/v1/relationships")),
                ExitCode.UNREACHABLE, "cannot reach relationship-service at http://127.0.0.1:" + closed
                        + " (is the suite running? If it runs elsewhere, set --relationship-url or "
                        + "DRCTL_RELATIONSHIP_URL)");
    }

    private static void assertFailure(Runnable request, int exitCode, String message) {
        assertThatThrownBy(request::run).isInstanceOfSatisfying(CliFailure.class, failure -> {
            assertThat(failure.exitCode()).isEqualTo(exitCode);
            assertThat(failure.getMessage()).isEqualTo(message);
        });
    }
}
