package io.drsuite.monitor.failover;

import io.drsuite.events.health.FailoverRequested;
import io.drsuite.events.health.HealthEvents;
import io.drsuite.events.relationship.RelationshipPhase;
import io.drsuite.monitor.alert.AlertRule;
import io.drsuite.monitor.alert.Breach;
import io.drsuite.monitor.health.NodeHealth;
import io.drsuite.monitor.health.RelationshipHealth;
import io.drsuite.monitor.model.AutoFailoverState;
import io.drsuite.monitor.model.FailoverPolicy;
import io.drsuite.relationships.KnownRelationship;
import io.drsuite.platform.outbox.EventOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The opt-in automatic failover policy. For an active relationship whose policy is on, it asks relationship-service
 * for a failover (the same operation as the manual one) when all three hold:
 * <ol>
 *   <li>the primary's main node has not answered for the policy's {@code primaryDownSeconds};</li>
 *   <li>a second witness agrees: the DR main standby answers and its own WAL receiver has lost the primary (so a
 *       network problem between monitor-service and the primary alone does not trigger it);</li>
 *   <li>the lag at the last poll that reached the primary is within {@code maxDataLossBytes}.</li>
 * </ol>
 * When the production cluster has the automatic local failover policy on and one of its own standbys qualifies
 * ({@link LocalFailover}), the local failover is preferred: it promotes a standby that received the same WAL stream
 * next to the lost primary, usually synchronous or closer than the DR side (less or no data lost), it takes seconds
 * rather than a cross-cluster promotion and re-pointing of every client, and it keeps the relationship (the DR side
 * follows the new local primary) instead of ending it. The cross-cluster failover then waits for as long as its own
 * {@code primaryDownSeconds} after the local request, and goes ahead if the primary is still not back by then.
 * When the primary is down long enough but a condition holds it back, an {@code auto_failover_held} alert says
 * which. It asks once per outage. The decision state (since when the primary is down, polls in a row, the last lag,
 * whether this outage already led to a request) lives in {@link AutoFailoverState}, so every replica and a restarted
 * instance continue the same count and at most one of them asks.
 */
@ApplicationScoped
public class AutoFailover {

    private static final Logger LOG = Logger.getLogger(AutoFailover.class);

    private final EventOutbox outbox;

    AutoFailover(EventOutbox outbox) {
        this.outbox = outbox;
    }

    /** What one relationship looked like at this poll. */
    public record Observation(KnownRelationship relationship, RelationshipHealth health,
            Optional<NodeHealth> primary, Optional<NodeHealth> standby, Optional<LocalFailover.Preference> local) {
    }

    /**
     * Decides for every observed relationship; returns the breaches for policies held back. Each relationship's
     * decision state is read and written under its row lock, in id order so two instances never deadlock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Breach> evaluate(List<Observation> observations, Instant now) {
        List<Breach> held = new ArrayList<>();
        List<Observation> inLockOrder = observations.stream()
                .sorted(Comparator.comparing(observation -> observation.relationship().id)).toList();
        for (Observation observation : inLockOrder) {
            decide(observation, now).ifPresent(held::add);
        }
        return held;
    }

    private Optional<Breach> decide(Observation observation, Instant now) {
        UUID id = observation.relationship().id;
        AutoFailoverState state = AutoFailoverState.lockedFor(id);
        if (!state.isNewer(now)) {
            return Optional.empty();
        }
        if (observation.primary().map(NodeHealth::reachable).orElse(false)) {
            state.primaryAnswered(now, observation.health().lagBytes());
            return Optional.empty();
        }
        Duration down = state.primaryMissed(now);
        FailoverPolicy policy = FailoverPolicy.findById(id);
        if (policy == null || !policy.enabled || observation.relationship().phase() != RelationshipPhase.ACTIVE
                || down.toSeconds() < policy.primaryDownSeconds || state.failoverRequested()) {
            return Optional.empty();
        }
        Optional<String> holdBack = localPreferred(observation, policy, now)
                .or(() -> holdBack(observation, policy, state.lastLagBytes));
        if (holdBack.isPresent()) {
            return Optional.of(new Breach(AlertRule.AUTO_FAILOVER_HELD, observation.relationship().name, id,
                    "automatic failover of " + observation.relationship().name + " held back: " + holdBack.get()));
        }
        state.markFailoverRequested(now);
        policy.lastRequestedAt = now;
        String reason = "primary " + observation.relationship().primaryCluster + " unreachable for "
                + down.toSeconds() + " s (" + state.failedPolls + " polls); the DR main standby lost it too; "
                + "last lag " + state.lastLagBytes + " bytes";
        outbox.record(HealthEvents.FAILOVER_REQUESTED, id.toString(),
                new FailoverRequested(id, reason, state.lastLagBytes, now));
        LOG.warnf("Automatic failover of %s requested: %s", observation.relationship().name, reason);
        return Optional.empty();
    }

    /** A local failover of the production cluster is preferred while it qualifies and has had its time. */
    private static Optional<String> localPreferred(Observation observation, FailoverPolicy policy, Instant now) {
        return observation.local().filter(local -> local.requestedAt() == null
                || Duration.between(local.requestedAt(), now).toSeconds() < policy.primaryDownSeconds)
                .map(local -> "a local failover of " + local.clusterName() + " to its standby " + local.candidate()
                        + " is preferred (faster, and it loses less)"
                        + (local.requestedAt() == null ? "" : "; requested at " + local.requestedAt()));
    }

    private static Optional<String> holdBack(Observation observation, FailoverPolicy policy, Long lag) {
        Optional<NodeHealth> standby = observation.standby().filter(NodeHealth::reachable);
        if (standby.isEmpty()) {
            return Optional.of("the DR main standby does not answer either");
        }
        if (standby.get().streams()) {
            return Optional.of("the DR main standby still streams from the primary (second witness disagrees)");
        }
        if (lag == null) {
            return Optional.of("the lag before the outage is unknown");
        }
        if (lag > policy.maxDataLossBytes) {
            return Optional.of("the last known lag of " + lag + " bytes is above the allowed "
                    + policy.maxDataLossBytes + " bytes of data loss");
        }
        return Optional.empty();
    }
}
