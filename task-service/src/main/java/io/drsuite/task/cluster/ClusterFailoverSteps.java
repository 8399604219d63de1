package io.drsuite.task.cluster;

import io.drsuite.clusterclient.sql.Lsn;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.events.task.ClusterTasks;
import io.drsuite.events.task.DrTasks;
import io.drsuite.task.dr.ManagedNode;
import io.drsuite.task.dr.NodeControl;
import io.drsuite.task.dr.ProductionFence;
import io.drsuite.task.engine.StepContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An unplanned promotion inside a cluster whose primary is lost, as openGauss's {@code failover}: pick the standby
 * that has received the most WAL (or the one named), fence every other node that is a primary now as the
 * cross-cluster failover does, promote the candidate and record the estimated data loss. Nothing is touched before a
 * candidate is found. Every step goes forward; the old primary stays down and returns with
 * {@code cluster.rebuild-node}.
 */
@ApplicationScoped
public class ClusterFailoverSteps {

    /** Artifact, check-candidates: the standby to promote. */
    static final String CANDIDATE = "candidate";
    /** Artifact, check-candidates: the furthest WAL position any node was seen to have or to know of. */
    static final String BEST_KNOWN_LSN = "bestKnownLsn";
    private static final String LAST_PRIMARY_LSN = "lastKnownPrimaryLsn";

    private final PrimaryMoveSteps move;

    ClusterFailoverSteps(PrimaryMoveSteps move) {
        this.move = move;
    }

    /** One standby that could be promoted, and how much WAL it has. */
    private record Candidate(ManagedNode node, String systemIdentifier, Lsn position) {
    }

    /**
     * Asks every node: standbys that answer in recovery are candidates when they carry the cluster's system
     * identifier (the registered primary's control file, else the one all candidates share). The named node, or
     * the one with the most WAL received, is chosen; with {@link ClusterTasks#MAX_LAG_BYTES} it may lag no more than
     * that behind the furthest position known (the DR main standby's included). Refuses before anything is touched
     * when there is no such standby.
     */
    public void checkCandidates(StepContext context) throws Exception {
        LocalCluster cluster = move.cluster(context);
        if (Boolean.parseBoolean(context.parameters().get(ClusterTasks.AUTOMATIC))) {
            context.log("requested by the automatic local failover policy");
        }
        Optional<String> expected = expectedIdentifier(context, cluster);
        List<Candidate> candidates = new ArrayList<>();
        Set<String> identifiers = new HashSet<>();
        Lsn bestKnown = null;
        for (ManagedNode node : cluster.cluster().nodes()) {
            try (NodeSession session = move.control(node).session(cluster.cluster().admin())) {
                if (!session.inRecovery()) {
                    Lsn current = session.currentLsn();
                    bestKnown = furthest(bestKnown, current);
                    context.log(node + " answers as a primary (at " + current + "); it will be fenced");
                    continue;
                }
                String identifier = session.systemIdentifier();
                if (expected.isPresent() && !expected.get().equals(identifier)) {
                    context.log(node + " has system identifier " + identifier + ", not " + expected.get()
                            + "; it is no candidate");
                    continue;
                }
                Optional<Lsn> position = StandbyFollow.position(session);
                if (position.isEmpty()) {
                    context.log(node + " has neither received nor replayed WAL; it is no candidate");
                    continue;
                }
                Lsn latestEnd = session.walReceiver().latestEndLsn();
                bestKnown = furthest(furthest(bestKnown, position.get()), latestEnd);
                identifiers.add(identifier);
                candidates.add(new Candidate(node, identifier, position.get()));
                context.log(node + " is a standby with WAL up to " + position.get());
            } catch (SQLException noAnswer) {
                context.log(node + " does not answer (" + noAnswer.getSQLState() + ")");
            }
        }
        bestKnown = furthest(bestKnown, drPosition(context, cluster).orElse(null));
        if (expected.isEmpty() && identifiers.size() > 1) {
            throw new IllegalStateException("the standbys of " + cluster + " carry different system identifiers "
                    + identifiers + " and the primary's cannot be read; refusing the failover (nothing touched)");
        }
        Candidate chosen = choose(context, cluster, candidates);
        if (context.parameters().get(ClusterTasks.MAX_LAG_BYTES) != null) {
            long maxLag = Long.parseLong(context.parameter(ClusterTasks.MAX_LAG_BYTES));
            long lag = bestKnown.bytesAfter(chosen.position());
            if (lag > maxLag) {
                throw new IllegalStateException(chosen.node() + " lags " + lag + " bytes behind the furthest known "
                        + "position " + bestKnown + ", more than the " + maxLag + " allowed; refusing the failover "
                        + "(nothing touched)");
            }
        }
        context.record(CANDIDATE, chosen.node().name());
        context.record(BEST_KNOWN_LSN, bestKnown.toString());
        context.record("candidatePosition", chosen.position().toString());
        context.log("chose " + chosen.node() + " (WAL up to " + chosen.position() + ", system identifier "
                + chosen.systemIdentifier() + ")");
    }

    /**
     * How far the DR main standby got from the lost primary: it may have received more than any local standby, and
     * then that is what the promotion loses locally (it is rewound to the new primary's timeline afterwards).
     */
    private Optional<Lsn> drPosition(StepContext context, LocalCluster cluster) {
        if (cluster.dr().isEmpty()) {
            return Optional.empty();
        }
        ManagedNode drMain = cluster.dr().get().drCluster().main();
        try (NodeSession session = move.control(drMain).session(cluster.dr().get().drCluster().admin())) {
            Optional<Lsn> position = session.inRecovery() ? StandbyFollow.position(session) : Optional.empty();
            position.ifPresent(lsn -> context.log("the DR main standby " + drMain + " has WAL up to " + lsn));
            return position;
        } catch (SQLException noAnswer) {
            context.log("the DR main standby " + drMain + " does not answer (" + noAnswer.getSQLState() + ")");
            return Optional.empty();
        }
    }

    private static Candidate choose(StepContext context, LocalCluster cluster, List<Candidate> candidates) {
        String named = context.parameters().get(ClusterTasks.TO_NODE);
        if (named != null && !named.isBlank()) {
            cluster.node(named);
            return candidates.stream().filter(c -> c.node().name().equals(named)).findFirst().orElseThrow(
                    () -> new IllegalStateException(named + " is not a standby of " + cluster + " that can take "
                            + "over (see the log); refusing the failover (nothing touched)"));
        }
        return candidates.stream().reduce((a, b) -> b.position().compareTo(a.position()) > 0 ? b : a).orElseThrow(
                () -> new IllegalStateException("no standby of " + cluster + " can take over (none answers in "
                        + "recovery with the cluster's system identifier); refusing the failover (nothing touched)"));
    }

    private static Lsn furthest(Lsn known, Lsn other) {
        if (other == null) {
            return known;
        }
        return known == null || other.compareTo(known) > 0 ? other : known;
    }

    private Optional<String> expectedIdentifier(StepContext context, LocalCluster cluster) {
        try {
            return Optional.of(move.control(cluster.registeredPrimary()).controlFileSystemIdentifier());
        } catch (RuntimeException unreadable) {
            context.log("the control file of " + cluster.registeredPrimary() + " cannot be read ("
                    + unreadable.getMessage() + "); the standbys must agree on the system identifier");
            return Optional.empty();
        }
    }

    /**
     * Fences every node but the candidate that is a primary now (the registered one, or a standby promoted by hand)
     * and confirms each stop, as the cross-cluster failover fences production; standbys are left running. Records
     * per node what happened ({@code fence.<node>}).
     */
    public void fenceOldPrimary(StepContext context) {
        LocalCluster cluster = move.cluster(context);
        String candidate = context.artifact(CANDIDATE).orElseThrow();
        boolean allConfirmed = true;
        for (ManagedNode node : cluster.cluster().nodes()) {
            if (node.name().equals(candidate)) {
                continue;
            }
            ProductionFence.Result result = new ProductionFence(context, move.control(node),
                    cluster.cluster().admin()).fence();
            result.lastPrimaryLsn().ifPresent(lsn -> {
                Optional<Lsn> known = context.artifact(LAST_PRIMARY_LSN).map(Lsn::parse);
                if (known.isEmpty() || !known.get().isAtLeast(lsn)) {
                    context.recordNow(LAST_PRIMARY_LSN, lsn.toString());
                }
            });
            String key = "fence." + node.name();
            if (context.artifact(key).isEmpty() || result.outcome() != ProductionFence.Outcome.NOT_RUNNING) {
                context.recordNow(key, result.outcome().wireName());
            }
            allConfirmed &= result.outcome().confirmed();
        }
        context.record("fence", allConfirmed ? "confirmed" : ProductionFence.Outcome.HOST_UNREACHABLE.wireName());
    }

    /**
     * Records what the promotion loses (the furthest position known, from the fence or the standbys, minus the
     * candidate's), makes the slots the others will stream through, then promotes the candidate.
     */
    public void promote(StepContext context) throws Exception {
        LocalCluster cluster = move.cluster(context);
        ManagedNode candidate = cluster.node(context.artifact(CANDIDATE).orElseThrow());
        NodeControl control = move.control(candidate);
        try (NodeSession session = control.session(cluster.cluster().admin())) {
            if (session.inRecovery()) {
                for (ManagedNode node : cluster.cluster().nodes()) {
                    if (node != candidate) {
                        session.ensurePhysicalSlot(ClusterTasks.standbyName(node.name()));
                    }
                }
                if (cluster.dr().isPresent()) {
                    session.ensurePhysicalSlot(cluster.dr().get().slotName());
                }
                Lsn position = StandbyFollow.position(session).orElseThrow();
                Lsn known = furthest(Lsn.parse(context.artifact(BEST_KNOWN_LSN).orElseThrow()),
                        context.artifact(LAST_PRIMARY_LSN).map(Lsn::parse).orElse(null));
                long loss = known.bytesAfter(position);
                context.recordNow(DrTasks.ESTIMATED_DATA_LOSS_BYTES, String.valueOf(loss));
                context.recordNow(PrimaryMoveSteps.FORK_LSN, position.toString());
                context.log(candidate + " has WAL up to " + position + "; furthest known position " + known
                        + "; estimated loss " + loss + " bytes");
                if (!session.promote(60)) {
                    throw new IllegalStateException(candidate + " did not finish promotion within 60 s");
                }
                context.record(DrTasks.PROMOTED_AT, Instant.now().toString());
            }
            session.checkpoint();
            context.record("timeline", String.valueOf(session.timeline()));
        }
        context.record(ClusterTasks.NEW_PRIMARY, candidate.name());
        context.record(ClusterTasks.OLD_PRIMARY, cluster.registeredPrimary().name());
        context.log("promoted " + candidate + "; it accepts writes");
    }
}
