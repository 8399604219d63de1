package io.drsuite.clusterclient;

import java.util.Objects;

/** A database login in clear, held only in memory while a connection or a command needs it. */
public record Login(String username, String password) {

    public Login {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "Login[" + username + ", password=***]";
    }
}
