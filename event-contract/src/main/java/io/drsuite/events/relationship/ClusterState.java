package io.drsuite.relationship.model;

/**
 * A cluster's state in a relationship, in the words of {@code gs_ddr -t query}. Production side:
 * {@code full_backup} while DR is built, then {@code archive}; DR side: {@code restore} while built, then
 * {@code recovery}, {@code promote} while promoted; {@code *_fail} when that went wrong; {@code normal} outside DR.
 */
public final class ClusterState {

    public static final String NORMAL = "normal";
    public static final String FULL_BACKUP = "full_backup";
    public static final String ARCHIVE = "archive";
    public static final String BACKUP_FAIL = "backup_fail";
    public static final String ARCHIVE_FAIL = "archive_fail";
    public static final String SWITCHOVER = "switchover";
    public static final String RESTORE = "restore";
    public static final String RESTORE_FAIL = "restore_fail";
    public static final String RECOVERY = "recovery";
    public static final String RECOVERY_FAIL = "recovery_fail";
    public static final String PROMOTE = "promote";
    public static final String PROMOTE_FAIL = "promote_fail";

    private ClusterState() {
    }
}
