package io.drsuite.events.relationship;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * A cluster's state in a relationship, in the words of {@code gs_ddr -t query}. Production side:
 * {@code full_backup} while DR is built, then {@code archive}; DR side: {@code restore} while built, then
 * {@code recovery}, {@code promote} while promoted; {@code *_fail} when that went wrong; {@code normal} outside DR.
 * In events, JSON and the API by its lower-case word ({@link #wireName()}).
 */
public enum ClusterState {
    @JsonProperty("normal")
    NORMAL,
    @JsonProperty("full_backup")
    FULL_BACKUP,
    @JsonProperty("archive")
    ARCHIVE,
    @JsonProperty("backup_fail")
    BACKUP_FAIL,
    @JsonProperty("archive_fail")
    ARCHIVE_FAIL,
    @JsonProperty("switchover")
    SWITCHOVER,
    @JsonProperty("restore")
    RESTORE,
    @JsonProperty("restore_fail")
    RESTORE_FAIL,
    @JsonProperty("recovery")
    RECOVERY,
    @JsonProperty("recovery_fail")
    RECOVERY_FAIL,
    @JsonProperty("promote")
    PROMOTE,
    @JsonProperty("promote_fail")
    PROMOTE_FAIL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ClusterState fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** The production side's health word: {@code archive} while the DR side streams from it, else the failure. */
    public static ClusterState primaryLink(boolean linked) {
        return linked ? ARCHIVE : ARCHIVE_FAIL;
    }

    /** The DR side's health word: {@code recovery} while it streams from the primary, else the failure. */
    public static ClusterState drLink(boolean linked) {
        return linked ? RECOVERY : RECOVERY_FAIL;
    }
}
