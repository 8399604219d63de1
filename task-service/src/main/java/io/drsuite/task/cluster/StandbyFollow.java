package io.drsuite.task.cluster;

import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.sql.Lsn;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.events.task.RebuildMethod;
import io.drsuite.events.task.RebuildMode;
import io.drsuite.task.dr.ManagedCluster;
import io.drsuite.task.dr.NodeControl;
import io.drsuite.task.dr.StandbyConfig;
import io.drsuite.task.engine.StepContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * Makes a running standby stream from a new primary. A standby that has not received WAL past the point where the
 * new primary's timeline forked is re-pointed in place ({@code primary_conninfo} and {@code primary_slot_name} in
 * its {@code postgresql.auto.conf}, then a reload; {@code recovery_target_timeline = latest} lets it follow the
 * timeline switch).
 * One that went further (it received WAL the new primary never had, as after a failover), or that does not stream
 * within {@link #FOLLOW_WAIT}, is rewound from the new primary and restarted; a full build is the last resort.
 */
@ApplicationScoped
public class StandbyFollow {

    /** How long a re-pointed standby may take to stream before it is taken as unable to follow. */
    static final Duration FOLLOW_WAIT = Duration.ofSeconds(30);
    private static final Duration STREAM_WAIT = Duration.ofSeconds(180);

    /** How a standby came to follow the new primary, recorded per node. */
    enum Outcome {
        REPOINTED, REWOUND, REBUILT;

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final StandbyRebuild rebuild;

    StandbyFollow(StandbyRebuild rebuild) {
        this.rebuild = rebuild;
    }

    /**
     * Makes {@code standby} (of {@code owner}, reached with {@code standbyAdmin}) stream from {@code primary} under
     * {@code applicationName}, through the slot of the same name.
     *
     * @param forkLsn where the new primary's timeline forked, when known (a failover): a standby that received more
     *        is rewound at once
     */
    Outcome follow(StepContext context, ManagedCluster owner, NodeControl standby, Login standbyAdmin,
            NodeControl primary, Upstream upstream, String applicationName, Optional<Lsn> forkLsn) throws Exception {
        try (NodeSession session = primary.session(upstream.admin())) {
            session.ensureReplicationLogin(upstream.replication());
            session.ensurePhysicalSlot(applicationName);
        }
        boolean diverged;
        try (NodeSession session = standby.session(standbyAdmin)) {
            if (!session.inRecovery()) {
                throw new IllegalStateException(standby.node() + " runs as a primary; refusing to re-point it");
            }
            Optional<Lsn> position = position(session);
            diverged = forkLsn.isPresent() && position.isPresent() && !forkLsn.get().isAtLeast(position.get());
            if (diverged) {
                context.log(standby.node() + " has WAL up to " + position.get() + ", past " + forkLsn.get()
                        + " where " + primary.node() + " forked; it must be rewound");
            } else {
                // written to the file rather than by ALTER SYSTEM, so the password never is in a statement the
                // server might log; the suite owns these settings of the node
                standby.writeAutoConf(StandbyConfig.apply(standby.autoConf(), upstream.node().endpoint(),
                        upstream.replication(), applicationName, applicationName));
                session.reloadConfiguration();
            }
        }
        if (!diverged) {
            try {
                rebuild.awaitStreaming(context, primary, upstream, applicationName, FOLLOW_WAIT);
                context.log(standby.node() + " streams from " + primary.node() + " as " + applicationName);
                return Outcome.REPOINTED;
            } catch (IllegalStateException cannotFollow) {
                context.log(standby.node() + " does not stream from " + primary.node() + " after re-pointing ("
                        + cannotFollow.getMessage() + "); rewinding it");
            }
        }
        RebuildMethod method = rebuild.rebuild(context, owner, standby, upstream, applicationName, applicationName,
                RebuildMode.AUTO);
        rebuild.awaitStreaming(context, primary, upstream, applicationName, STREAM_WAIT);
        return method == RebuildMethod.REWIND ? Outcome.REWOUND : Outcome.REBUILT;
    }

    /** The furthest WAL position the standby has: received, or replayed when nothing was received since start. */
    static Optional<Lsn> position(NodeSession standby) throws SQLException {
        Optional<Lsn> received = standby.receiveLsn();
        Optional<Lsn> replayed = standby.replayLsn();
        if (received.isEmpty()) {
            return replayed;
        }
        if (replayed.isEmpty()) {
            return received;
        }
        return Optional.of(received.get().isAtLeast(replayed.get()) ? received.get() : replayed.get());
    }
}
