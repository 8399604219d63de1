package io.drsuite.relationship.service;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Why a node did not answer a registration probe, as one of a few fixed reasons. The driver's own message is never
 * shown: it tells a caller what listens on any host and port ("Connection refused", a TLS error, a banner), which
 * would turn registration into a port scanner reaching wherever the suite can.
 */
public enum ProbeFailure {

    UNREACHABLE("unreachable"),
    AUTHENTICATION_FAILED("authentication failed"),
    TIMEOUT("timeout"),
    NOT_POSTGRESQL("not PostgreSQL");

    private final String reason;

    ProbeFailure(String reason) {
        this.reason = reason;
    }

    /** The words shown in a refusal. */
    public String reason() {
        return reason;
    }

    /**
     * Classifies a failed probe by the SQL state and cause the driver gave, never by its text.
     *
     * @param elapsed how long the attempt took: pgjdbc reports its login timeout with the same state as a refused
     *        connection, so an attempt that used up the connect timeout counts as a timeout
     */
    static ProbeFailure of(SQLException failure, Duration elapsed, Duration connectTimeout) {
        String state = failure.getSQLState() == null ? "" : failure.getSQLState();
        if (state.startsWith("28")) {
            return AUTHENTICATION_FAILED; // invalid_authorization_specification, invalid_password
        }
        if (state.equals("08P01") || state.equals("42883")) {
            return NOT_POSTGRESQL; // protocol violation; a wire-compatible server without PostgreSQL's functions
        }
        if (state.equals("57014") || causedBy(failure, SocketTimeoutException.class)
                || elapsed.compareTo(connectTimeout) >= 0) {
            return TIMEOUT;
        }
        return UNREACHABLE;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
