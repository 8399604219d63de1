package io.drsuite.cli.auth;

import static io.drsuite.cli.auth.SessionStoreTest.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drsuite.cli.CliFailure;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.FakeHttpServer;
import io.drsuite.cli.FakeHttpServer.Answer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a fake identity provider (a real HTTP server answering discovery and the token endpoint). */
class CredentialsTest {

    private static final String TOKEN_PATH = "/realms/drsuite/protocol/openid-connect/token";

    @TempDir
    Path home;

    private FakeHttpServer provider;
    private String issuer;
    private SessionStore store;
    private final Map<String, String> environment = new HashMap<>();

    @BeforeEach
    void start() throws IOException {
        provider = new FakeHttpServer();
        issuer = provider.url() + "/realms/drsuite";
        provider.on("/realms/drsuite/.well-known/openid-configuration", 200, "application/json",
                "{\"issuer\":\"" + issuer + "\",\"token_endpoint\":\"" + provider.url() + TOKEN_PATH + "\"}");
        store = new SessionStore(home.resolve("drctl"), JSON);
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private Credentials credentials() {
        return new Credentials(store, URI.create(issuer), (at, clientId) -> new OidcClient(at, clientId, JSON),
                environment, Clock.systemUTC());
    }

    private Session cached(String grant, String clientId, long accessSeconds, Long refreshSeconds) {
        Instant now = Instant.now();
        Session session = new Session(issuer, clientId, provider.url() + TOKEN_PATH, grant, "old-access",
                now.plusSeconds(accessSeconds), refreshSeconds == null ? null : "old-refresh",
                refreshSeconds == null ? null : now.plusSeconds(refreshSeconds));
        store.save(session);
        return session;
    }

    private void tokenEndpointAnswers(int status, String body) {
        provider.on(TOKEN_PATH, request -> Answer.json(status, body));
    }

    @Test
    void aFreshAccessTokenIsUsedWithoutAskingTheProvider() {
        cached("password", "drsuite-cli", 300, 1800L);

        assertThat(credentials().accessToken()).isEqualTo("old-access");
        assertThat(provider.requests()).isEmpty();
    }

    @Test
    void anAccessTokenAboutToExpireIsRenewedWithTheRefreshTokenAndTheRenewalIsKept() throws IOException {
        cached("password", "drsuite-cli", 10, 1800L);
        tokenEndpointAnswers(200, "{\"access_token\":\"new-access\",\"expires_in\":300,"
                + "\"refresh_token\":\"new-refresh\",\"refresh_expires_in\":1800}");
        Credentials credentials = credentials();

        assertThat(credentials.accessToken()).isEqualTo("new-access");
        assertThat(credentials.accessToken()).as("renewed once per run").isEqualTo("new-access");

        assertThat(provider.requests()).filteredOn(request -> request.rawPath().equals(TOKEN_PATH)).singleElement()
                .satisfies(request -> assertThat(request.body()).contains("grant_type=refresh_token",
                        "client_id=drsuite-cli", "refresh_token=old-refresh"));
        Session saved = store.load().orElseThrow();
        assertThat(saved.accessToken()).isEqualTo("new-access");
        assertThat(saved.refreshToken()).isEqualTo("new-refresh");
        assertThat(saved.grant()).isEqualTo("password");
        assertThat(saved.accessExpiresAt()).isAfter(Instant.now().plusSeconds(250));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(Files.readString(store.file())).doesNotContain("old-access");
    }

    @Test
    void aRenewalWithoutANewRefreshTokenKeepsTheOldOne() {
        cached("device", "drsuite-cli", 0, 1800L);
        tokenEndpointAnswers(200, "{\"access_token\":\"new-access\",\"expires_in\":300}");

        assertThat(credentials().accessToken()).isEqualTo("new-access");
        assertThat(store.load().orElseThrow().refreshToken()).isEqualTo("old-refresh");
    }

    @Test
    void anExpiredRefreshTokenMeansSigningInAgain() {
        cached("password", "drsuite-cli", -60, -1L);

        assertFailure(ExitCode.NOT_SIGNED_IN_OR_FORBIDDEN, "the session has expired: run drctl login");
        assertThat(provider.requests()).isEmpty();
    }

    @Test
    void aRefreshTheProviderRefusesMeansSigningInAgain() {
        cached("password", "drsuite-cli", -60, 1800L);
        tokenEndpointAnswers(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Session not active\"}");

        assertFailure(ExitCode.NOT_SIGNED_IN_OR_FORBIDDEN, "the session has expired: run drctl login");
    }

    @Test
    void aProviderThatIsDownIsUnreachableNotSignedOut() {
        cached("password", "drsuite-cli", -60, 1800L);
        tokenEndpointAnswers(503, "{}");

        assertFailure(ExitCode.UNREACHABLE, "is not available (HTTP 503)");
        assertThat(store.load().orElseThrow().refreshToken()).isEqualTo("old-refresh");
    }

    @Test
    void aServiceAccountIsRenewedWithItsClientSecretAndItsOwnClient() {
        cached("client_credentials", "drsuite-automation", -60, null);
        environment.put("DRCTL_CLIENT_SECRET", "s3cret\n");
        tokenEndpointAnswers(200, "{\"access_token\":\"robot-access\",\"expires_in\":300}");

        assertThat(credentials().accessToken()).isEqualTo("robot-access");
        assertThat(provider.lastRequest().body()).contains("grant_type=client_credentials",
                "client_id=drsuite-automation", "client_secret=s3cret").doesNotContain("%0A");
        assertThat(store.load().orElseThrow().grant()).isEqualTo("client_credentials");
    }

    @Test
    void aServiceAccountWithoutItsSecretIsToldHowToRenew() {
        cached("client_credentials", "drsuite-automation", -60, null);

        assertFailure(ExitCode.NOT_SIGNED_IN_OR_FORBIDDEN, "set DRCTL_CLIENT_SECRET to renew it");
    }

    @Test
    void drctlTokenWinsOverTheSession() {
        cached("password", "drsuite-cli", -60, -1L);
        environment.put(Credentials.TOKEN_VARIABLE, " script-token \n");

        Credentials credentials = credentials();
        assertThat(credentials.accessToken()).isEqualTo("script-token");
        assertThat(credentials.given()).isTrue();
        assertThat(provider.requests()).isEmpty();
    }

    @Test
    void notSignedInAtAll() {
        assertFailure(ExitCode.NOT_SIGNED_IN_OR_FORBIDDEN, "not signed in: run drctl login");
    }

    @Test
    void aSessionOfAnotherProviderIsNotSentToThisSuite() {
        store.save(new Session("https://other.example/realms/x", "drsuite-cli", "https://other.example/token",
                "password", "foreign", Instant.now().plusSeconds(300), null, null));

        assertFailure(ExitCode.NOT_SIGNED_IN_OR_FORBIDDEN, "signed in at https://other.example/realms/x");
    }

    private void assertFailure(int exitCode, String message) {
        assertThatThrownBy(() -> credentials().accessToken()).isInstanceOfSatisfying(CliFailure.class, failure -> {
            assertThat(failure.exitCode()).isEqualTo(exitCode);
            assertThat(failure.getMessage()).contains(message);
        });
    }
}
