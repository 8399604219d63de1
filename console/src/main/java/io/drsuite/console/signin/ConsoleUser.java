package io.drsuite.console.signin;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in user as the pages need them: a name to show and what their roles let them do. The services decide
 * again on every call; the console only disables what would be refused, with the reason.
 */
@RequestScoped
@Named("user")
public class ConsoleUser {

    public static final String VIEWER = "viewer";
    public static final String OPERATOR = "operator";
    public static final String ADMIN = "admin";

    private final SecurityIdentity identity;

    ConsoleUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String name() {
        if (identity.isAnonymous()) {
            return "";
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            return Optional.ofNullable(token.<String>getClaim("preferred_username")).orElse(token.getName());
        }
        return identity.getPrincipal().getName();
    }

    /** The highest of the suite's roles the user holds, or "none". */
    public String role() {
        return isAdmin() ? ADMIN : isOperator() ? OPERATOR : identity.hasRole(VIEWER) ? VIEWER : "none";
    }

    /** Day-to-day operations: switchover, reprotect, snapshots, the bin, tasks. */
    public boolean isOperator() {
        return identity.hasRole(OPERATOR) || isAdmin();
    }

    /** What removes, overwrites or promotes: failover, stop, replacing restores, purges. */
    public boolean isAdmin() {
        return identity.hasRole(ADMIN);
    }

    /** Why a button for {@code role} is disabled for this user, or null when it is not. */
    public String refusalFor(String role) {
        boolean allowed = switch (role) {
            case ADMIN -> isAdmin();
            case OPERATOR -> isOperator();
            default -> true;
        };
        return allowed ? null : "needs the " + role + " role; you are signed in as " + role();
    }
}
