package io.drsuite.task.cluster;

import io.drsuite.clusterclient.sql.Lsn;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.clusterclient.sql.WalReceiver;
import io.drsuite.events.task.ClusterTasks;
import io.drsuite.events.task.DrTasks;
import io.drsuite.task.dr.ManagedNode;
import io.drsuite.task.dr.NodeControl;
import io.drsuite.task.dr.StandbyConfig;
import io.drsuite.task.dr.Waits;
import io.drsuite.task.engine.StepContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A planned swap of a cluster's primary and one of its standbys without data loss, as openGauss's
 * {@code switchover}: the primary stops cleanly, the chosen standby replays past the shutdown checkpoint and is
 * promoted, and the old primary restarts as its standby on the new timeline without a rebuild. Until the promotion a
 * failure restarts the old primary as primary ({@link #rollback}), exactly as the cross-cluster switchover does.
 */
@ApplicationScoped
public class ClusterSwitchoverSteps {

    private static final long DEFAULT_MAX_LAG_BYTES = 16L * 1024 * 1024;
    private static final String SHUTDOWN_CHECKPOINT = "shutdownCheckpointLsn";

    private final PrimaryMoveSteps move;

    ClusterSwitchoverSteps(PrimaryMoveSteps move) {
        this.move = move;
    }

    private ManagedNode candidate(StepContext context, LocalCluster cluster) {
        return cluster.node(context.parameter(ClusterTasks.TO_NODE));
    }

    /**
     * The registered primary is a primary, the chosen standby is a streaming standby of the same system (same
     * system identifier) and has replayed to within {@link ClusterTasks#MAX_LAG_BYTES} (16 MB unless given).
     */
    public void checkReady(StepContext context) throws Exception {
        LocalCluster cluster = move.cluster(context);
        ManagedNode primaryNode = cluster.registeredPrimary();
        ManagedNode candidate = candidate(context, cluster);
        if (candidate == primaryNode) {
            throw new IllegalStateException(candidate + " is the primary of " + cluster + " already");
        }
        long maxLag = Optional.ofNullable(context.parameters().get(ClusterTasks.MAX_LAG_BYTES)).map(Long::parseLong)
                .orElse(DEFAULT_MAX_LAG_BYTES);
        Lsn primaryLsn;
        String identifier;
        try (NodeSession primary = move.control(primaryNode).session(cluster.cluster().admin())) {
            if (primary.inRecovery()) {
                throw new IllegalStateException(primaryNode + " is in recovery, not the primary of " + cluster);
            }
            primaryLsn = primary.currentLsn();
            identifier = primary.systemIdentifier();
        }
        try (NodeSession standby = move.control(candidate).session(cluster.cluster().admin())) {
            if (!standby.inRecovery()) {
                throw new IllegalStateException(candidate + " is not in recovery, so it is not a standby of "
                        + primaryNode);
            }
            if (!identifier.equals(standby.systemIdentifier())) {
                throw new IllegalStateException(candidate + " has system identifier " + standby.systemIdentifier()
                        + ", not " + identifier + " of " + primaryNode + ": it is not a copy of this cluster");
            }
            WalReceiver receiver = standby.walReceiver();
            if (!receiver.streaming()) {
                throw new IllegalStateException(candidate + " is not streaming (WAL receiver "
                        + receiver.status().wireName() + "); switch over only to a streaming standby");
            }
            long lag = primaryLsn.bytesAfter(standby.replayLsn().orElseThrow());
            if (lag > maxLag) {
                throw new IllegalStateException(candidate + " lags " + lag + " bytes behind, more than the " + maxLag
                        + " allowed for a switchover");
            }
            context.log(candidate + " streams from " + receiver.senderHost() + ":" + receiver.senderPort()
                    + " and lags " + lag + " bytes");
        }
    }

    /**
     * On the future primary: a slot for every other node (the old primary included) and for the DR main standby,
     * so each can stream from it as soon as it is promoted.
     */
    public void prepare(StepContext context) throws Exception {
        LocalCluster cluster = move.cluster(context);
        ManagedNode candidate = candidate(context, cluster);
        // The standbys will stream from the candidate with the cluster's replication login: created here on the
        // primary, it reaches the candidate before the primary stops (verify-caught-up waits for all of its WAL).
        try (NodeSession primary = move.control(cluster.registeredPrimary()).session(cluster.cluster().admin())) {
            String created = primary.ensureReplicationLogin(cluster.cluster().replication());
            if (created != null) {
                context.log(created + " on " + cluster.registeredPrimary());
            }
        }
        try (NodeSession standby = move.control(candidate).session(cluster.cluster().admin())) {
            for (ManagedNode node : cluster.cluster().nodes()) {
                if (node != candidate && standby.ensurePhysicalSlot(ClusterTasks.standbyName(node.name()))) {
                    context.log("created slot " + ClusterTasks.standbyName(node.name()) + " on " + candidate);
                }
            }
            if (cluster.dr().isPresent() && standby.ensurePhysicalSlot(cluster.dr().get().slotName())) {
                context.log("created slot " + cluster.dr().get().slotName() + " on " + candidate);
            }
        }
    }

    /** Stops the primary cleanly: clients are disconnected and a shutdown checkpoint is written and sent. */
    public void stopPrimary(StepContext context) {
        LocalCluster cluster = move.cluster(context);
        NodeControl primary = move.control(cluster.registeredPrimary());
        if (context.artifact(DrTasks.PRIMARY_STOPPED_AT).isEmpty()) {
            context.recordNow(DrTasks.PRIMARY_STOPPED_AT, Instant.now().toString());
        }
        primary.stop("fast");
        if (!primary.shutDownCleanly()) {
            throw new IllegalStateException(primary.node() + " did not shut down cleanly");
        }
        Lsn checkpoint = primary.latestCheckpoint();
        context.record(SHUTDOWN_CHECKPOINT, checkpoint.toString());
        context.log("stopped " + primary.node() + "; shutdown checkpoint at " + checkpoint);
    }

    /** The chosen standby has replayed the old primary's shutdown checkpoint: nothing committed is missing. */
    public void verifyCaughtUp(StepContext context) throws Exception {
        LocalCluster cluster = move.cluster(context);
        Lsn checkpoint = Lsn.parse(context.artifact(SHUTDOWN_CHECKPOINT).orElseThrow());
        NodeControl standby = move.control(candidate(context, cluster));
        Waits.until(context, standby.node() + " replays past " + checkpoint, Duration.ofSeconds(60), () -> {
            try (NodeSession session = standby.session(cluster.cluster().admin())) {
                Optional<Lsn> replayed = session.replayLsn();
                return replayed.isPresent() && replayed.get().compareTo(checkpoint) > 0;
            }
        });
        context.log(standby.node() + " has replayed the shutdown checkpoint " + checkpoint);
    }

    /** Promotes the chosen standby; from here the switchover goes forward. */
    public void promote(StepContext context) throws Exception {
        LocalCluster cluster = move.cluster(context);
        ManagedNode candidate = candidate(context, cluster);
        try (NodeSession session = move.control(candidate).session(cluster.cluster().admin())) {
            if (session.inRecovery() && !session.promote(60)) {
                throw new IllegalStateException(candidate + " did not finish promotion within 60 s");
            }
            context.record(DrTasks.PROMOTED_AT, Instant.now().toString());
            // until the end-of-recovery checkpoint completes the control file names the old timeline
            session.checkpoint();
            context.record("timeline", String.valueOf(session.timeline()));
        }
        context.record(ClusterTasks.NEW_PRIMARY, candidate.name());
        context.record(ClusterTasks.OLD_PRIMARY, cluster.registeredPrimary().name());
        context.log("promoted " + candidate + "; it accepts writes");
    }

    /**
     * The old primary restarts as a standby of the new primary, without a rebuild, streaming under its own
     * {@link ClusterTasks#standbyName}; the slots it kept for others as a primary are dropped, as a standby's idle
     * slots would hold back WAL.
     */
    public void demoteOldPrimary(StepContext context) throws Exception {
        LocalCluster cluster = move.cluster(context);
        ManagedNode newPrimary = move.newPrimary(context, cluster);
        NodeControl old = move.control(cluster.registeredPrimary());
        String name = ClusterTasks.standbyName(old.node().name());
        if (!old.isRunning()) {
            old.writeAutoConf(StandbyConfig.apply(old.autoConf(), newPrimary.endpoint(),
                    cluster.cluster().replication(), name, name));
            old.markAsStandby();
            old.start();
        }
        Waits.until(context, old.node() + " runs as a standby", Duration.ofSeconds(120), () -> {
            try (NodeSession session = old.session(cluster.cluster().admin())) {
                if (!session.inRecovery()) {
                    throw new IllegalStateException(old.node() + " runs as a primary; refusing to continue");
                }
                return true;
            }
        });
        try (NodeSession session = old.session(cluster.cluster().admin())) {
            for (ManagedNode node : cluster.cluster().nodes()) {
                session.dropSlotIfInactive(ClusterTasks.standbyName(node.name()));
            }
            if (cluster.dr().isPresent()) {
                session.dropSlotIfInactive(cluster.dr().get().slotName());
            }
        } catch (SQLException e) {
            context.log("could not drop the old slots on " + old.node() + ": " + e.getMessage());
        }
        NodeControl primary = move.control(newPrimary);
        Waits.until(context, old.node() + " streams from " + newPrimary, Duration.ofSeconds(120), () -> {
            try (NodeSession session = primary.session(cluster.cluster().admin())) {
                return session.replicationConnection(name).map(c -> c.streaming()).orElse(false);
            }
        });
        context.log(old.node() + " restarted as a standby of " + newPrimary + " and streams as " + name);
    }

    /**
     * Before the promotion: the old primary starts again as primary, as it was, and the slots prepared on the
     * standby are dropped.
     */
    public void rollback(StepContext context) throws Exception {
        LocalCluster cluster = move.cluster(context);
        NodeControl primary = move.control(cluster.registeredPrimary());
        primary.start();
        Waits.untilIgnoringDeadline(context, primary.node() + " accepts writes again", Duration.ofSeconds(120),
                () -> {
                    try (NodeSession session = primary.session(cluster.cluster().admin())) {
                        return !session.inRecovery();
                    }
                });
        try (NodeSession standby = move.control(candidate(context, cluster)).session(cluster.cluster().admin())) {
            for (ManagedNode node : cluster.cluster().nodes()) {
                standby.dropSlotIfInactive(ClusterTasks.standbyName(node.name()));
            }
            if (cluster.dr().isPresent()) {
                standby.dropSlotIfInactive(cluster.dr().get().slotName());
            }
        } catch (SQLException e) {
            context.log("could not drop the slots prepared on the standby: " + e.getMessage());
        }
        context.log("switchover rolled back: " + primary.node() + " is primary again");
    }
}
