package io.drsuite.task.pitr;

import static io.drsuite.events.task.WalTasks.PAUSE_AT_TARGET;
import static io.drsuite.events.task.WalTasks.RECOVERY_TARGET;
import static io.drsuite.events.task.WalTasks.RECOVERY_TARGET_KIND;

import io.drsuite.events.task.WalTasks.RecoveryTargetKind;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a point-in-time restore stops, checked before anything is written: an ISO-8601 instant, an LSN, a restore
 * point's name or the end of the archived WAL; and whether the server pauses there instead of promoting.
 */
public record RecoveryTarget(RecoveryTargetKind kind, String value, boolean pause) {

    /** The settings that name a target; at most one of them is set. */
    public static final List<String> TARGET_SETTINGS = List.of("recovery_target_time", "recovery_target_lsn",
            "recovery_target_name", "recovery_target_action");

    /**
     * A time as the server reads it while starting: a numeric UTC offset, since zone abbreviations such as ISO's
     * {@code Z} are not known yet when the configuration is first read.
     */
    private static final DateTimeFormatter SERVER_TIME = DateTimeFormatter
            .ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS'+00'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern LSN = Pattern.compile("[0-9A-Fa-f]{1,8}/[0-9A-Fa-f]{1,8}");
    /** PostgreSQL keeps restore point names below 64 bytes. */
    private static final int MAX_NAME_BYTES = 63;

    public RecoveryTarget {
        switch (kind) {
            case TIME -> {
                try {
                    Instant.parse(required(kind, value));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("recovery target time " + value + " is not an ISO-8601 instant "
                            + "(e.g. 2026-12-03T04:50:00.123Z)");
                }
            }
            case LSN -> {
                if (!LSN.matcher(required(kind, value)).matches()) {
                    throw new IllegalArgumentException("recovery target LSN " + value + " is not a WAL position "
                            + "(e.g. 0/3000060)");
                }
            }
            case RESTORE_POINT -> {
                String name = required(kind, value);
                if (name.isBlank() || name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_NAME_BYTES
                        || name.chars().anyMatch(Character::isISOControl)) {
                    throw new IllegalArgumentException("restore point name " + value + " is empty, longer than "
                            + MAX_NAME_BYTES + " bytes or holds control characters");
                }
            }
            case LATEST -> {
                if (pause) {
                    throw new IllegalArgumentException("pausing needs a target to pause at; the end of the archive "
                            + "(latest) has none");
                }
            }
        }
    }

    public static RecoveryTarget of(Map<String, String> parameters) {
        RecoveryTargetKind kind = RecoveryTargetKind.fromWire(parameters.getOrDefault(RECOVERY_TARGET_KIND, ""));
        return new RecoveryTarget(kind, parameters.get(RECOVERY_TARGET),
                Boolean.parseBoolean(parameters.get(PAUSE_AT_TARGET)));
    }

    /** The target's settings in {@code postgresql.auto.conf}; none for the end of the archive. */
    public Map<String, String> settings() {
        String action = pause ? "pause" : "promote";
        return switch (kind) {
            case TIME -> Map.of("recovery_target_time", SERVER_TIME.format(Instant.parse(value)),
                    "recovery_target_action", action);
            case LSN -> Map.of("recovery_target_lsn", value.toUpperCase(Locale.ROOT),
                    "recovery_target_action", action);
            case RESTORE_POINT -> Map.of("recovery_target_name", value, "recovery_target_action", action);
            case LATEST -> Map.of();
        };
    }

    public boolean isLatest() {
        return kind == RecoveryTargetKind.LATEST;
    }

    @Override
    public String toString() {
        return isLatest() ? "the end of the archived WAL" : kind.wireName() + " " + value;
    }

    private static String required(RecoveryTargetKind kind, String value) {
        if (value == null) {
            throw new IllegalArgumentException("a recovery target of kind " + kind.wireName() + " needs a value");
        }
        return value;
    }
}
