package io.drsuite.task.dr;

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
 * An unplanned failover: make sure the DR main standby can take over, then fence every production node that is a
 * primary now and confirm it, so two writable primaries never exist, then promote the DR main standby and record the
 * estimated data loss. Nothing touches production before the DR side has been checked. Every step goes forward
 * (resumable).
 */
@ApplicationScoped
public class DrFailoverSteps {

    private static final String LAST_PRIMARY_LSN = "lastKnownPrimaryLsn";
    /** Artifact, check-dr: the WAL position the DR main standby had received when the failover began. */
    static final String DR_RECEIVED_LSN = "drReceivedLsn";
    /** Artifact, check-dr: the WAL position the DR main standby had replayed when the failover began. */
    static final String DR_REPLAYED_LSN = "drReplayedLsn";
    /** Artifact, check-dr: how the DR node's system identifier was checked. */
    static final String IDENTITY_CHECKED_AGAINST = "systemIdentifierCheckedAgainst";
    /** Artifact, fence-production: {@code confirmed}, or {@code host-unreachable} when a node was taken as lost. */
    static final String FENCE = "fence";

    private final DrBuildSteps build;

    DrFailoverSteps(DrBuildSteps build) {
        this.build = build;
    }

    /**
     * The DR main standby answers, is in recovery and carries production's system identifier (as recorded when the
     * relationship was built; else as production itself reports it): otherwise promoting it would not take over
     * production's data, and the failover is refused before production is touched. Records how far it has received
     * and replayed.
     */
    public void checkDr(StepContext context) throws Exception {
        DrRoles roles = build.roles(context);
        NodeControl main = build.control(roles.dr().main());
        try (NodeSession session = main.session(roles.dr().admin())) {
            if (!session.inRecovery()) {
                throw new IllegalStateException(main.node() + " of " + roles.dr() + " is not in recovery, so it is "
                        + "not a standby of " + roles.primary() + "; refusing the failover (production not touched)");
            }
            String identifier = session.systemIdentifier();
            ExpectedIdentifier expected = expectedIdentifier(context, roles);
            if (expected.value().isPresent() && !expected.value().get().equals(identifier)) {
                throw new IllegalStateException(main.node() + " of " + roles.dr() + " has system identifier "
                        + identifier + ", not " + expected.value().get() + " (" + expected.source() + "): it is not "
                        + "a copy of " + roles.primary() + "; refusing the failover (production not touched)");
            }
            context.record(IDENTITY_CHECKED_AGAINST, expected.source());
            Optional<Lsn> replayed = session.replayLsn();
            Optional<Lsn> received = session.receiveLsn();
            received.ifPresent(lsn -> context.record(DR_RECEIVED_LSN, lsn.toString()));
            replayed.ifPresent(lsn -> context.record(DR_REPLAYED_LSN, lsn.toString()));
            context.log(main.node() + " can take over: in recovery, system identifier " + identifier + " ("
                    + expected.source() + "), received " + received.map(Lsn::toString).orElse("nothing yet")
                    + ", replayed " + replayed.map(Lsn::toString).orElse("nothing yet"));
        } catch (SQLException e) {
            throw new IllegalStateException(main.node() + " of " + roles.dr() + " does not answer ("
                    + e.getSQLState() + "); it cannot take over, so production is left as it is", e);
        }
    }

    /** The identifier to hold the DR node to, and where it came from. */
    private record ExpectedIdentifier(Optional<String> value, String source) {
    }

    private ExpectedIdentifier expectedIdentifier(StepContext context, DrRoles roles) {
        Optional<String> recorded = RelationshipIdentity.recorded(context.parameter(DrTasks.RELATIONSHIP_ID));
        if (recorded.isPresent()) {
            return new ExpectedIdentifier(recorded, "recorded for the relationship");
        }
        for (ManagedNode node : roles.primary().nodes()) {
            try (NodeSession session = build.control(node).session(roles.primary().admin())) {
                return new ExpectedIdentifier(Optional.of(session.systemIdentifier()), "read from " + node);
            } catch (SQLException noAnswer) {
                // try the next node, then the control file
            }
        }
        try {
            return new ExpectedIdentifier(Optional.of(build.control(roles.primary().main())
                    .controlFileSystemIdentifier()), "pg_controldata of " + roles.primary().main());
        } catch (RuntimeException unreadable) {
            context.log("no system identifier is recorded for this relationship and " + roles.primary()
                    + " cannot be read (" + unreadable.getMessage() + "); the DR node's identity is not verified");
            return new ExpectedIdentifier(Optional.empty(), "unverified");
        }
    }

    /**
     * Fences every node of the production cluster that is a primary now and confirms each stop; records, per node,
     * what happened ({@code fence.<node>}) and whether every node was seen to take no writes ({@link #FENCE}).
     */
    public void fenceProduction(StepContext context) {
        DrRoles roles = build.roles(context);
        boolean allConfirmed = true;
        for (ManagedNode node : roles.primary().nodes()) {
            ProductionFence.Result result = new ProductionFence(context, build.control(node),
                    roles.primary().admin()).fence();
            result.lastPrimaryLsn().ifPresent(lsn -> rememberLastPrimaryLsn(context, lsn));
            String key = "fence." + node.name();
            if (context.artifact(key).isEmpty() || result.outcome() != ProductionFence.Outcome.NOT_RUNNING) {
                // a rerun finds a node it stopped before not running: keep what the first run saw
                context.recordNow(key, result.outcome().wireName());
            }
            allConfirmed &= result.outcome().confirmed();
        }
        context.record(FENCE, allConfirmed ? "confirmed" : ProductionFence.Outcome.HOST_UNREACHABLE.wireName());
    }

    /** Keeps the furthest position any production primary had, across reruns of the step. */
    private static void rememberLastPrimaryLsn(StepContext context, Lsn lsn) {
        Optional<Lsn> known = context.artifact(LAST_PRIMARY_LSN).map(Lsn::parse);
        if (known.isEmpty() || !known.get().isAtLeast(lsn)) {
            context.recordNow(LAST_PRIMARY_LSN, lsn.toString());
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
