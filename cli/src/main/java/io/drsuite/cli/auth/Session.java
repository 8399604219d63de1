package io.drsuite.cli.auth;

import java.time.Instant;

/**
 * A sign-in as drctl caches it: the tokens, when they expire, and where to renew them. Written only to the session
 * file (mode 600); never printed.
 *
 * @param grant how it was obtained: {@code device}, {@code password} or {@code client_credentials}
 */
public record Session(
        String issuer,
        String clientId,
        String tokenEndpoint,
        String grant,
        String accessToken,
        Instant accessExpiresAt,
        String refreshToken,
        Instant refreshExpiresAt) {

    public boolean accessFreshAt(Instant now) {
        return accessToken != null && accessExpiresAt != null && accessExpiresAt.isAfter(now.plusSeconds(20));
    }

    public boolean refreshableAt(Instant now) {
        return refreshToken != null && (refreshExpiresAt == null || refreshExpiresAt.isAfter(now.plusSeconds(5)));
    }

    /** Hides the tokens, in case a session ever reaches a log or an exception message. */
    @Override
    public String toString() {
        return "Session[" + issuer + ", " + clientId + ", " + grant + ", access until " + accessExpiresAt + "]";
    }
}
