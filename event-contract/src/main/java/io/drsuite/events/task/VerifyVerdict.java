package io.drsuite.events.task;

import java.util.Locale;

/**
 * What a verification task found, recorded as its {@link SnapshotTasks#VERDICT} artifact by its lower-case name:
 * {@code ok} (the stored bytes and their contents check out) or {@code corrupt}.
 */
public enum VerifyVerdict {
    OK, CORRUPT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The verdict an artifact value names; anything but {@code corrupt} reads as {@code ok}, as it always did. */
    public static VerifyVerdict fromWire(String value) {
        return CORRUPT.wireName().equals(value) ? CORRUPT : OK;
    }
}
