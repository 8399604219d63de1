package io.drsuite.console.pages;

/**
 * The console checks a dangerous operation's typed confirmation again on the server: the dialog's button only
 * unlocks in the browser, and a request made without the dialog must not get through either.
 */
public final class TypedConfirmation {

    private TypedConfirmation() {
    }

    /** Refuses (400) unless something was typed; checked before any service is asked. */
    public static void required(String typed, String what) {
        if (typed == null || typed.isBlank()) {
            throw new ConsoleRefusal("Type the name of the " + what + " to confirm.");
        }
    }

    /** Refuses (400) unless the typed text is exactly the name. */
    public static void matches(String typed, String name, String what) {
        if (typed == null || !typed.equals(name)) {
            throw new ConsoleRefusal("Type '" + name + "' exactly to confirm (the " + what + "); nothing was done.");
        }
    }

    /** Refuses (400) unless a reason was given (the service keeps it in its audit log). */
    public static void reasonGiven(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ConsoleRefusal("Say why: the reason is kept in the audit log with your name.");
        }
    }
}
