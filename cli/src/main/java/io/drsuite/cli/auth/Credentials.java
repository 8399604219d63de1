package io.drsuite.cli.auth;

import io.drsuite.cli.CliFailure;
import java.time.Instant;
import java.util.Map;

/**
 * The access token for the next request: {@code DRCTL_TOKEN} when a script brings its own, else the cached session's,
 * renewed with its refresh token (or, for automation, with {@code DRCTL_CLIENT_SECRET} again) when it is about to
 * expire.
 */
public final class Credentials {

    private final SessionStore store;
    private final OidcClient oidc;
    private final Map<String, String> environment;
    private String current;

    public Credentials(SessionStore store, OidcClient oidc, Map<String, String> environment) {
        this.store = store;
        this.oidc = oidc;
        this.environment = environment;
    }

    public synchronized String accessToken() {
        String given = environment.get("DRCTL_TOKEN");
        if (given != null && !given.isBlank()) {
            return given.trim();
        }
        Instant now = Instant.now();
        Session session = store.load()
                .orElseThrow(() -> CliFailure.notSignedIn("not signed in: run drctl login"));
        if (session.accessFreshAt(now)) {
            return session.accessToken();
        }
        Session renewed = renew(session, now);
        store.save(renewed);
        current = renewed.accessToken();
        return current;
    }

    private Session renew(Session session, Instant now) {
        if (session.refreshableAt(now)) {
            return oidc.refresh(session);
        }
        String secret = environment.get("DRCTL_CLIENT_SECRET");
        if (session.grant().equals("client_credentials") && secret != null && !secret.isBlank()) {
            return oidc.clientCredentials(secret.trim());
        }
        throw CliFailure.notSignedIn("the session has expired: run drctl login");
    }
}
