package io.drsuite.task.dr;

import io.drsuite.clusterclient.sql.Lsn;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.clusterclient.sql.WalReceiver;
import io.drsuite.events.task.DrTasks;
import io.drsuite.task.engine.StepContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A planned switchover without data loss: the primary stops cleanly, the DR main standby replays up to the
 * primary's shutdown checkpoint and is promoted, and the old primary restarts as its standby on the new timeline
 * (no rebuild). Until the promotion a failure restarts the old primary as primary ({@link #rollback}).
 */
@ApplicationScoped
public class DrSwitchoverSteps {

    private static final long DEFAULT_MAX_LAG_BYTES = 16L * 1024 * 1024;

    private final DrBuildSteps build;

    DrSwitchoverSteps(DrBuildSteps build) {
        this.build = build;
    }

    /** The DR main standby streams from the primary and lags no more than the allowed bytes. */
    public void checkReady(StepContext context) throws Exception {
        DrRoles roles = build.roles(context);
        long maxLag = Optional.ofNullable(context.parameters().get(DrTasks.MAX_LAG_BYTES)).map(Long::parseLong)
                .orElse(DEFAULT_MAX_LAG_BYTES);
        Lsn primaryLsn;
        try (NodeSession primary = build.control(roles.primary().main()).session(roles.primary().admin())) {
            if (primary.inRecovery()) {
                throw new IllegalStateException(roles.primary().main() + " is not a primary");
            }
            primaryLsn = primary.currentLsn();
        }
        try (NodeSession standby = build.control(roles.dr().main()).session(roles.dr().admin())) {
            WalReceiver receiver = standby.walReceiver();
            if (!receiver.streaming()) {
                throw new IllegalStateException(roles.dr().main() + " is not streaming (WAL receiver "
                        + receiver.status().wireName() + "); switch over only while DR is streaming");
            }
            Lsn replayed = standby.replayLsn().orElseThrow();
            long lag = primaryLsn.bytesAfter(replayed);
            if (lag > maxLag) {
                throw new IllegalStateException(roles.dr().main() + " lags " + lag + " bytes behind, more than the "
                        + maxLag + " allowed for a switchover");
            }
            context.log("DR main standby streams and lags " + lag + " bytes");
        }
    }

    /** The future primary gets the slot its future standby will stream through. */
    public void prepareNewPrimary(StepContext context) throws Exception {
        DrRoles roles = build.roles(context);
        try (NodeSession standby = build.control(roles.dr().main()).session(roles.dr().admin())) {
            standby.ensurePhysicalSlot(roles.slotName());
        }
    }

    /** Stops the primary cleanly: clients are disconnected and a shutdown checkpoint is written. */
    public void stopPrimary(StepContext context) {
        DrRoles roles = build.roles(context);
        NodeControl primary = build.control(roles.primary().main());
        if (context.artifact(DrTasks.PRIMARY_STOPPED_AT).isEmpty()) {
            context.recordNow(DrTasks.PRIMARY_STOPPED_AT, Instant.now().toString());
        }
        primary.stop("fast");
        if (!primary.shutDownCleanly()) {
            throw new IllegalStateException(primary.node() + " did not shut down cleanly");
        }
        Lsn checkpoint = primary.latestCheckpoint();
        context.record("shutdownCheckpointLsn", checkpoint.toString());
        context.log("stopped " + primary.node() + "; shutdown checkpoint at " + checkpoint);
    }

    /** The DR main standby has replayed the old primary's shutdown checkpoint: nothing committed is missing. */
    public void verifyCaughtUp(StepContext context) throws Exception {
        DrRoles roles = build.roles(context);
        Lsn checkpoint = Lsn.parse(context.artifact("shutdownCheckpointLsn").orElseThrow());
        NodeControl standby = build.control(roles.dr().main());
        Waits.until(context, standby.node() + " replays past " + checkpoint, Duration.ofSeconds(60), () -> {
            try (NodeSession session = standby.session(roles.dr().admin())) {
                Optional<Lsn> replayed = session.replayLsn();
                return replayed.isPresent() && replayed.get().compareTo(checkpoint) > 0;
            }
        });
        context.log(standby.node() + " has replayed the shutdown checkpoint " + checkpoint);
    }

    /** Promotes the DR main standby; from here the switchover goes forward. */
    public void promote(StepContext context) throws Exception {
        DrRoles roles = build.roles(context);
        NodeControl standby = build.control(roles.dr().main());
        try (NodeSession session = standby.session(roles.dr().admin())) {
            if (session.inRecovery() && !session.promote(60)) {
                throw new IllegalStateException(standby.node() + " did not finish promotion within 60 s");
            }
            context.record(DrTasks.PROMOTED_AT, Instant.now().toString());
            // The end-of-recovery checkpoint is spread out; until it completes the control file still names the
            // old timeline, and a pg_rewind of this node after a crash would pick the wrong history.
            session.checkpoint();
            context.record("timeline", String.valueOf(session.timeline()));
        }
        context.log("promoted " + standby.node() + "; it accepts writes");
    }

    /** The old primary restarts as a standby of the new primary, through the relationship's slot. */
    public void demoteOldPrimary(StepContext context) throws Exception {
        DrRoles roles = build.roles(context);
        NodeControl old = build.control(roles.primary().main());
        ManagedNode newPrimary = roles.dr().main();
        if (!old.isRunning()) {
            old.writeAutoConf(StandbyConfig.apply(old.autoConf(), newPrimary.endpoint(), roles.dr().replication(),
                    roles.mainStandbyApplicationName(), roles.slotName()));
            old.markAsStandby();
            old.start();
        }
        Waits.until(context, old.node() + " runs as a standby", Duration.ofSeconds(120), () -> {
            try (NodeSession session = old.session(roles.dr().admin())) {
                if (!session.inRecovery()) {
                    throw new IllegalStateException(old.node() + " runs as a primary; refusing to continue");
                }
                return true;
            }
        });
        try (NodeSession session = old.session(roles.dr().admin())) {
            session.dropSlotIfInactive(roles.slotName());
        } catch (java.sql.SQLException e) {
            context.log("could not drop the old slot on " + old.node() + ": " + e.getMessage());
        }
        context.log(old.node() + " restarted as a standby of " + newPrimary);
    }

    /** The new primary forgets its upstream; in sync mode it waits for the old primary, now its standby. */
    public void moveReplicationSettings(StepContext context) throws Exception {
        DrRoles roles = build.roles(context);
        NodeControl newPrimary = build.control(roles.dr().main());
        NodeControl old = build.control(roles.primary().main());
        try (NodeSession session = newPrimary.session(roles.dr().admin())) {
            session.resetSystem("primary_conninfo");
            session.resetSystem("primary_slot_name");
            build.capSlotWal(context, session, newPrimary.node());
            session.reloadConfiguration();
        }
        Waits.until(context, old.node() + " streams from " + newPrimary.node(), Duration.ofSeconds(120), () -> {
            try (NodeSession session = newPrimary.session(roles.dr().admin())) {
                return session.replicationConnection(roles.mainStandbyApplicationName()).map(c -> c.streaming())
                        .orElse(false);
            }
        });
        if (roles.sync()) {
            try (NodeSession session = newPrimary.session(roles.dr().admin())) {
                session.alterSystem("synchronous_standby_names", LocalSynchronousStandbys.value(context,
                        newPrimary.node().name(), Optional.of(roles.mainStandbyApplicationName())).orElseThrow());
                session.reloadConfiguration();
            }
        }
        context.log(roles.dr() + " is primary; " + roles.primary() + " streams from it");
    }

    /** Before the promotion: the old primary starts again as primary, as it was. */
    public void rollback(StepContext context) throws Exception {
        DrRoles roles = build.roles(context);
        NodeControl primary = build.control(roles.primary().main());
        primary.start();
        Waits.untilIgnoringDeadline(context, primary.node() + " accepts writes again", Duration.ofSeconds(120), () -> {
            try (NodeSession session = primary.session(roles.primary().admin())) {
                return !session.inRecovery();
            }
        });
        context.log("switchover rolled back: " + primary.node() + " is primary again");
    }
}
