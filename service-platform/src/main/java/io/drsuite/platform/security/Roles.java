package io.drsuite.platform.security;

/**
 * The suite's roles, read from the token's roles claim. Each may do what the one before it may, and more: an
 * endpoint names every role that may call it ({@code @RolesAllowed({VIEWER, OPERATOR, ADMIN})} for a read), so a
 * token that carries only {@code admin} (an identity provider without composite roles) is enough.
 */
public final class Roles {

    /** Reads everything. */
    public static final String VIEWER = "viewer";
    /** Also runs the day-to-day operations: relationships, switchovers, snapshots, the bin, tasks. */
    public static final String OPERATOR = "operator";
    /** Also everything that removes, overwrites or promotes, and the settings. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
