package io.drsuite.events.cluster;

import static io.drsuite.events.Require.text;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A database login whose password is sealed (authenticated encryption with the suite's secret key).
 * Only services holding the key can open it; the clear password never travels.
 */
@RegisterForReflection
public record SealedLogin(String username, String sealedPassword) {

    public SealedLogin {
        text(username, "login.username");
        text(sealedPassword, "login.sealedPassword");
    }

    @Override
    public String toString() {
        return "SealedLogin[username=" + username + ", sealedPassword=***]";
    }
}
