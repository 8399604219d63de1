package io.drsuite.cli;

/** drctl's exit codes, the same for every command, so scripts can branch on them. */
public final class ExitCode {

    /** Done: the command did what it was asked, and an operation it waited for succeeded. */
    public static final int DONE = 0;
    /** The operation ran and failed (or was cancelled or rolled back); its error is printed. */
    public static final int OPERATION_FAILED = 1;
    /** The command line is wrong: an unknown option, a missing argument, an answer that did not confirm. */
    public static final int USAGE = 2;
    /** The suite refused the request: its problem's title and detail are printed. */
    public static final int REFUSED = 3;
    /** Not signed in, the session expired, or the signed-in user's role does not allow it. */
    public static final int NOT_SIGNED_IN_OR_FORBIDDEN = 4;
    /** A service or the identity provider cannot be reached. */
    public static final int UNREACHABLE = 5;
    /** Ctrl-C while waiting: detached from the task, which goes on. */
    public static final int DETACHED = 130;

    private ExitCode() {
    }
}
