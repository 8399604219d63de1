package io.drsuite.events.task;

/**
 * Names of the DR task steps that relationship-service reads from {@link TaskProgressed} and {@link TaskFinished}
 * (which step a task failed in decides where the relationship stands). task-service names its steps with these, so
 * renaming a step breaks the build, not the relationship's state machine.
 */
public final class DrSteps {

    /** Switchover and failover: the DR main standby is promoted. */
    public static final String PROMOTE_DR = "promote-dr";
    /** Switchover, after the promotion: the old primary becomes a standby of the new one. */
    public static final String DEMOTE_OLD_PRIMARY = "demote-old-primary";
    /** Switchover, last step: sync and slot settings move to the new primary. */
    public static final String MOVE_REPLICATION_SETTINGS = "move-replication-settings";
    /**
     * Switchover and failover, last step (also of the in-cluster ones): the DNS names the task carries
     * ({@link DnsRoutes}) are pointed at the new primary. The promotion is done by then.
     */
    public static final String POINT_DNS = "point-dns";

    private DrSteps() {
    }
}
