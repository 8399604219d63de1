package io.drsuite.monitor.failover;

import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.events.health.HealthEvents;
import io.drsuite.events.health.LocalFailoverRequested;
import io.drsuite.events.relationship.RelationshipPhase;
import io.drsuite.monitor.alert.AlertRule;
import io.drsuite.monitor.alert.Breach;
import io.drsuite.monitor.health.NodeHealth;
import io.drsuite.monitor.model.LocalFailoverPolicy;
import io.drsuite.monitor.model.LocalFailoverState;
import io.drsuite.monitor.routing.RelationshipSides;
import io.drsuite.platform.outbox.EventOutbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The opt-in automatic local failover policy: for a cluster whose policy is on, it asks relationship-service to fail
 * the cluster over to its own most advanced standby ({@code drsuite.health} local-failover-requested, the same
 * operation as {@code POST /api/v1/clusters/{name}/failover}) when all three hold:
 * <ol>
 *   <li>the cluster's main node has not answered for the policy's {@code primaryDownSeconds};</li>
 *   <li>the standbys agree: at least one WAL receiver lost the primary and none still streams from it;</li>
 *   <li>the standby holding the most WAL is within {@code maxLagBytes} of the primary's last write position seen.</li>
 * </ol>
 * A DR cluster of a relationship is never failed over locally (its main node is the main standby), nor a cluster
 * whose relationship is not {@code active} (a switchover, failover, start or stop is moving its roles). When the
 * primary is down long enough but a condition holds it back, a {@code local_failover_held} alert says which. It asks
 * once per outage; the decision state lives in {@link LocalFailoverState}, read and written under its row lock, so every
 * replica and a restarted instance continue the same count and at most one of them asks.
 */
@ApplicationScoped
public class LocalFailover {

    private static final Logger LOG = Logger.getLogger(LocalFailover.class);

    private final EventOutbox outbox;
    private final MeterRegistry registry;

    LocalFailover(EventOutbox outbox, MeterRegistry registry) {
        this.outbox = outbox;
        this.registry = registry;
    }

    /**
     * One cluster at this poll.
     *
     * @param health the latest sample of each of its nodes, by node name
     * @param relationship the DR relationship (not stopped) it is a cluster of, if any
     */
    public record ClusterObservation(UUID clusterId, String clusterName, String mainNode, List<ClusterNode> nodes,
            Map<String, NodeHealth> health, Optional<RelationshipSides> relationship) {

        /** Why a relationship forbids a local failover now: the cluster is its DR side, or an operation runs. */
        Optional<String> relationshipForbids() {
            return relationship.map(sides -> sides.drCluster().equals(clusterName)
                    ? "the cluster is the DR side of relationship " + sides.name()
                    : sides.phase() != RelationshipPhase.ACTIVE ? "relationship " + sides.name() + " is "
                            + sides.phase().wireName() + ", not active" : null);
        }
    }

    /**
     * A cluster whose primary is down and whose local policy has a candidate: a cross-cluster failover waits for it.
     *
     * @param requestedAt when the local failover was asked for in this outage; null while it was not yet
     */
    public record Preference(String clusterName, String candidate, Instant requestedAt) {
    }

    /** The alerts for policies held back, and the clusters where a local failover is preferred, by name. */
    public record Decisions(List<Breach> held, Map<String, Preference> preferred) {
    }

    /** Decides for every cluster whose policy is on, taking their row locks in cluster id order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Decisions evaluate(List<ClusterObservation> observations, Instant now) {
        Map<UUID, ClusterObservation> byId = observations.stream()
                .collect(Collectors.toMap(ClusterObservation::clusterId, Function.identity(), (a, b) -> a));
        List<Breach> held = new ArrayList<>();
        Map<String, Preference> preferred = new HashMap<>();
        for (LocalFailoverPolicy policy : LocalFailoverPolicy.enabled()) {
            ClusterObservation observation = byId.get(policy.clusterId);
            if (observation != null) {
                decide(policy, observation, now, preferred).ifPresent(held::add);
            }
        }
        return new Decisions(held, preferred);
    }

    private Optional<Breach> decide(LocalFailoverPolicy policy, ClusterObservation observation, Instant now,
            Map<String, Preference> preferred) {
        LocalFailoverState state = LocalFailoverState.lockedFor(observation.clusterId());
        boolean newer = state.isNewer(now);
        if (newer) {
            state.follow(observation.mainNode());
        }
        NodeHealth main = observation.health().get(observation.mainNode());
        if (main != null && main.reachable()) {
            if (newer) {
                state.primaryAnswered(now, main.isPrimary() ? main.currentLsn() : null);
            }
            return Optional.empty();
        }
        Optional<String> forbidden = observation.relationshipForbids();
        if (forbidden.isPresent()) {
            return newer ? held(observation, state.primaryMissed(now), policy, state, forbidden.get())
                    : Optional.empty();
        }
        LocalCandidates.Choice choice = LocalCandidates.choose(observation.nodes(), observation.mainNode(),
                observation.health(), state.lastPrimaryPosition(), policy.maxLagBytes);
        if (!newer) {
            choice.candidate().ifPresent(candidate -> preferred.put(observation.clusterName(),
                    new Preference(observation.clusterName(), candidate.node(), state.requestedAt)));
            return Optional.empty();
        }
        Duration down = state.primaryMissed(now);
        choice.candidate().ifPresent(candidate -> preferred.put(observation.clusterName(),
                new Preference(observation.clusterName(), candidate.node(), state.requestedAt)));
        if (choice.candidate().isEmpty()) {
            return held(observation, down, policy, state, choice.holdBack());
        }
        if (down.toSeconds() < policy.primaryDownSeconds || state.failoverRequested()) {
            return Optional.empty();
        }
        LocalCandidates.Candidate candidate = choice.candidate().get();
        state.markFailoverRequested(now, candidate.node());
        policy.requested(now, candidate.node());
        preferred.put(observation.clusterName(), new Preference(observation.clusterName(), candidate.node(), now));
        String reason = "primary " + observation.mainNode() + " of cluster " + observation.clusterName()
                + " unreachable for " + down.toSeconds() + " s (" + state.failedPolls + " polls); its standbys lost "
                + "it too; " + candidate.node() + " holds the most WAL (" + candidate.heldLsn() + "), "
                + candidate.lagBytes() + " bytes behind the primary's last position " + state.lastPrimaryPosition();
        outbox.record(HealthEvents.LOCAL_FAILOVER_REQUESTED, observation.clusterId().toString(),
                new LocalFailoverRequested(observation.clusterId(), observation.clusterName(), candidate.node(),
                        reason, now));
        Counter.builder("drsuite.local.failover.requests").description("Automatic local failovers requested")
                .tag("cluster", observation.clusterName()).register(registry).increment();
        LOG.warnf("Automatic local failover of %s to %s requested: %s", observation.clusterName(), candidate.node(),
                reason);
        return Optional.empty();
    }

    /** An alert once the primary has been down for the policy's time and no request was made. */
    private static Optional<Breach> held(ClusterObservation observation, Duration down, LocalFailoverPolicy policy,
            LocalFailoverState state, String reason) {
        if (down.toSeconds() < policy.primaryDownSeconds || state.failoverRequested()) {
            return Optional.empty();
        }
        return Optional.of(new Breach(AlertRule.LOCAL_FAILOVER_HELD, observation.clusterName(), null,
                "automatic local failover of " + observation.clusterName() + " held back: " + reason));
    }
}
