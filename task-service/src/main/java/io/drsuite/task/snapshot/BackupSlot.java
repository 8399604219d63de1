package io.drsuite.task.snapshot;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of the temporary physical slot that holds a physical backup's WAL: derived from the snapshot id, so the
 * task's ending and the slot sweep find it again after a crash, and a slot of the suite is told from the DBA's own.
 */
public final class BackupSlot {

    static final String PREFIX = "drsuite_backup_";
    private static final Pattern NAME = Pattern.compile(PREFIX + "([0-9a-f]{32})");

    private BackupSlot() {
    }

    public static String nameFor(String snapshotId) {
        return PREFIX + UUID.fromString(snapshotId).toString().replace("-", "");
    }

    /** The snapshot id a slot of this shape belongs to; empty for any other slot. */
    public static Optional<String> snapshotIdOf(String slotName) {
        Matcher matcher = NAME.matcher(slotName);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String hex = matcher.group(1);
        return Optional.of(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20));
    }
}
