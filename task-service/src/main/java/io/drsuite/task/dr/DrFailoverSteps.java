package io.drsuite.task.dr;

import io.drsuite.clusterclient.host.HostUnreachableException;
import io.drsuite.clusterclient.sql.Lsn;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.clusterclient.sql.WalReceiver;
import io.drsuite.events.task.DrTasks;
import io.drsuite.task.engine.StepContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * An unplanned failover: fence the old primary where it can be reached, so two writable primaries never exist,
 * promote the DR main standby, and record the estimated data loss. Every step goes forward (resumable).
 */
@ApplicationScoped
public class DrFailoverSteps {

    private static final String LAST_PRIMARY_LSN = "lastKnownPrimaryLsn";

    private final DrBuildSteps build;

    DrFailoverSteps(DrBuildSteps build) {
        this.build = build;
    }

    /**
     * Stops the old primary if it still accepts connections, and waits for it: only then is the promotion safe.
     * A primary that refuses connections takes no new writes; it gets an immediate stop without waiting (a crashed
     * postmaster may linger as a zombie), so the promotion is not delayed. An unreachable host is recorded as such.
     */
    public void fenceOldPrimary(StepContext context) throws Exception {
        DrRoles roles = build.roles(context);
        NodeControl old = build.control(roles.primary().main());
        boolean answers = false;
        try (NodeSession session = old.session(roles.primary().admin())) {
            answers = true;
            if (!session.inRecovery()) {
                context.recordNow(LAST_PRIMARY_LSN, session.currentLsn().toString());
            }
        } catch (SQLException unreachable) {
            context.log(old.node() + " does not answer SQL: " + unreachable.getMessage());
        }
        try {
            if (answers) {
                stopHard(old);
                context.record("fence", "stopped");
                context.log("fenced " + old.node() + ": stopped");
            } else {
                old.requestStop("immediate");
                context.record("fence", "stop-requested");
                context.log("asked " + old.node() + " to stop immediately, in case any of it still runs");
            }
        } catch (HostUnreachableException e) {
            if (answers) {
                throw new IllegalStateException(old.node() + " still accepts connections and its host cannot be "
                        + "reached to stop it; refusing to create a second primary", e);
            }
            context.record("fence", "unreachable");
            context.log("could not reach the host of " + old.node() + " (" + e.getMessage()
                    + "); it does not answer SQL, so the failover goes on");
        }
    }

    private static void stopHard(NodeControl node) {
        try {
            node.stop("fast");
        } catch (RuntimeException slow) {
            node.stop("immediate");
        }
    }

    /** Records what a promotion now loses, then promotes the DR main standby. */
    public void promote(StepContext context) throws Exception {
        DrRoles roles = build.roles(context);
        NodeControl standby = build.control(roles.dr().main());
        try (NodeSession session = standby.session(roles.dr().admin())) {
            if (session.inRecovery()) {
                WalReceiver receiver = session.walReceiver();
                Lsn received = session.receiveLsn().orElse(session.replayLsn().orElseThrow());
                Optional<Lsn> lastKnown = context.artifact(LAST_PRIMARY_LSN).map(Lsn::parse)
                        .or(() -> Optional.ofNullable(receiver.latestEndLsn()));
                long loss = lastKnown.map(lsn -> lsn.bytesAfter(received)).orElse(0L);
                context.recordNow(DrTasks.ESTIMATED_DATA_LOSS_BYTES, String.valueOf(loss));
                context.log("received up to " + received + "; last known primary position "
                        + lastKnown.map(Lsn::toString).orElse("unknown") + "; estimated loss " + loss + " bytes");
                if (!session.promote(60)) {
                    throw new IllegalStateException(standby.node() + " did not finish promotion within 60 s");
                }
                context.record(DrTasks.PROMOTED_AT, Instant.now().toString());
            }
            // Writes are accepted already; the checkpoint makes the control file name the new timeline, which a
            // later pg_rewind (reprotect) of the old primary reads from this node.
            session.checkpoint();
            context.record("timeline", String.valueOf(session.timeline()));
        }
        context.log("promoted " + standby.node() + "; it accepts writes");
    }

    /** The promoted cluster forgets its former upstream. */
    public void detachDr(StepContext context) throws Exception {
        DrRoles roles = build.roles(context);
        try (NodeSession session = build.control(roles.dr().main()).session(roles.dr().admin())) {
            session.resetSystem("primary_conninfo");
            session.resetSystem("primary_slot_name");
            session.resetSystem("synchronous_standby_names");
            session.reloadConfiguration();
        }
    }
}
