package io.drsuite.snapshot.model;

import java.util.Locale;

/**
 * A snapshot's last verification: {@code running} until its task ends, then the verdict, {@code ok} or
 * {@code corrupt}, or {@code failed} when the check itself could not run. Stored and shown by
 * its {@link #wireName()}.
 */
public enum VerificationResult {
    RUNNING, OK, CORRUPT, FAILED;

    public boolean isDone() {
        return this != RUNNING;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static VerificationResult fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
