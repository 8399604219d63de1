package io.drsuite.task.dr;

import io.drsuite.clusterclient.host.CommandResult;

/**
 * What {@code pg_ctl status} reports for a data directory. "Cannot tell" (an unreadable pid file, a missing data
 * directory) is its own answer: a fence must not mistake it for a stopped server.
 */
public enum PostmasterStatus {
    RUNNING,
    NOT_RUNNING,
    UNKNOWN;

    /** {@code pg_ctl status} exits 0 when a server runs, 3 when none does, and otherwise when it cannot tell. */
    static PostmasterStatus of(CommandResult status) {
        return switch (status.exitCode()) {
            case 0 -> RUNNING;
            case 3 -> NOT_RUNNING;
            default -> UNKNOWN;
        };
    }

    public boolean stopped() {
        return this == NOT_RUNNING;
    }
}
