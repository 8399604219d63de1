package io.drsuite.cli.auth;

import io.drsuite.cli.CliFailure;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The access token for the next request: {@code DRCTL_TOKEN} when a script brings its own, else the cached session's,
 * renewed with its refresh token (or, for a service account, with {@code DRCTL_CLIENT_SECRET} again) when it is about
 * to expire. A session issued by another provider than the one configured is not used: its token is not meant for
 * this suite.
 */
public final class Credentials {

    /** A script's own access token, used as it is. */
    public static final String TOKEN_VARIABLE = "DRCTL_TOKEN";

    private final SessionStore store;
    private final URI issuer;
    private final BiFunction<URI, String, OidcClient> providers;
    private final Map<String, String> environment;
    private final Clock clock;
    private Session current;

    /**
     * @param issuer    the configured provider
     * @param providers makes the client of a provider (issuer, client id) that renews a session
     */
    public Credentials(SessionStore store, URI issuer, BiFunction<URI, String, OidcClient> providers,
            Map<String, String> environment, Clock clock) {
        this.store = store;
        this.issuer = issuer;
        this.providers = providers;
        this.environment = environment;
        this.clock = clock;
    }

    /** Whether the token comes from {@code DRCTL_TOKEN} rather than from drctl's own session. */
    public boolean given() {
        String given = environment.get(TOKEN_VARIABLE);
        return given != null && !given.isBlank();
    }

    public synchronized String accessToken() {
        if (given()) {
            return environment.get(TOKEN_VARIABLE).trim();
        }
        Instant now = clock.instant();
        if (current != null && current.accessFreshAt(now)) {
            return current.accessToken();
        }
        Session session = store.load()
                .orElseThrow(() -> CliFailure.notSignedIn("not signed in: run drctl login"));
        if (!sameIssuer(session)) {
            throw CliFailure.notSignedIn("signed in at " + session.issuer() + ", but the suite's identity provider "
                    + "is " + issuer + ": run drctl login");
        }
        if (!session.accessFreshAt(now)) {
            session = renew(session, now);
            store.save(session);
        }
        current = session;
        return session.accessToken();
    }

    private boolean sameIssuer(Session session) {
        return session.issuer() != null && session.issuer().replaceAll("/+$", "").equals(issuer.toString());
    }

    private Session renew(Session session, Instant now) {
        OidcClient provider = providers.apply(URI.create(session.issuer()), session.clientId());
        if (session.refreshableAt(now)) {
            try {
                return provider.refresh(session);
            } catch (CliFailure refused) {
                if (refused.exitCode() != io.drsuite.cli.ExitCode.NOT_SIGNED_IN_OR_FORBIDDEN) {
                    throw refused;
                }
                // revoked, or ended at the provider (idle or maximum session time): only a new sign-in helps
            }
        }
        String secret = environment.get(LoginCommand.CLIENT_SECRET_VARIABLE);
        if ("client_credentials".equals(session.grant())) {
            if (secret != null && !secret.isBlank()) {
                return provider.clientCredentials(secret.trim());
            }
            throw CliFailure.notSignedIn("the service account's session has expired: set "
                    + LoginCommand.CLIENT_SECRET_VARIABLE + " to renew it, or run drctl login --client-credentials");
        }
        throw CliFailure.notSignedIn("the session has expired: run drctl login");
    }
}
