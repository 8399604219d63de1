package io.drsuite.monitor.failover;

import io.drsuite.events.health.FailoverRequested;
import io.drsuite.events.health.HealthEvents;
import io.drsuite.monitor.alert.Breach;
import io.drsuite.monitor.health.NodeHealth;
import io.drsuite.monitor.health.RelationshipHealth;
import io.drsuite.monitor.model.FailoverPolicy;
import io.drsuite.relationships.KnownRelationship;
import io.drsuite.platform.outbox.EventOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
 * When the primary is down long enough but a condition holds it back, an {@code auto_failover_held} alert says
 * which. One instance decides at a time (an advisory lock); it asks once per outage.
 */
@ApplicationScoped
public class AutoFailover {

    private static final Logger LOG = Logger.getLogger(AutoFailover.class);

    private final EventOutbox outbox;
    private final EntityManager entityManager;
    private final Map<UUID, Instant> primaryDownSince = new ConcurrentHashMap<>();
    private final Map<UUID, Long> lastLagWhilePrimaryUp = new ConcurrentHashMap<>();

    AutoFailover(EventOutbox outbox, EntityManager entityManager) {
        this.outbox = outbox;
        this.entityManager = entityManager;
    }

    /** What one relationship looked like at this poll. */
    public record Observation(KnownRelationship relationship, RelationshipHealth health,
            Optional<NodeHealth> primary, Optional<NodeHealth> standby) {
    }

    /** Decides for every observed relationship; returns the breaches for policies held back. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Breach> evaluate(List<Observation> observations, Instant now) {
        List<Breach> held = new ArrayList<>();
        if (!holdsLock()) {
            return held;
        }
        for (Observation observation : observations) {
            UUID id = observation.relationship().id;
            boolean primaryUp = observation.primary().map(NodeHealth::reachable).orElse(false);
            if (primaryUp) {
                primaryDownSince.remove(id);
                if (observation.health().lagBytes() != null) {
                    lastLagWhilePrimaryUp.put(id, observation.health().lagBytes());
                }
                continue;
            }
            Instant downSince = primaryDownSince.computeIfAbsent(id, key -> now);
            FailoverPolicy policy = FailoverPolicy.findById(id);
            if (policy == null || !policy.enabled || !"active".equals(observation.relationship().phase)) {
                continue;
            }
            if (Duration.between(downSince, now).toSeconds() < policy.primaryDownSeconds) {
                continue;
            }
            if (policy.lastRequestedAt != null && !policy.lastRequestedAt.isBefore(downSince)) {
                continue;
            }
            Optional<String> holdBack = holdBack(observation, policy);
            if (holdBack.isPresent()) {
                held.add(new Breach("auto_failover_held", observation.relationship().name, id,
                        "automatic failover of " + observation.relationship().name + " held back: " + holdBack.get()));
                continue;
            }
            policy.lastRequestedAt = now;
            String reason = "primary " + observation.relationship().primaryCluster + " unreachable for "
                    + Duration.between(downSince, now).toSeconds() + " s; the DR main standby lost it too; last lag "
                    + lastLagWhilePrimaryUp.get(id) + " bytes";
            outbox.record(HealthEvents.FAILOVER_REQUESTED, id.toString(),
                    new FailoverRequested(id, reason, lastLagWhilePrimaryUp.get(id), now));
            LOG.warnf("Automatic failover of %s requested: %s", observation.relationship().name, reason);
        }
        return held;
    }

    private Optional<String> holdBack(Observation observation, FailoverPolicy policy) {
        Optional<NodeHealth> standby = observation.standby().filter(NodeHealth::reachable);
        if (standby.isEmpty()) {
            return Optional.of("the DR main standby does not answer either");
        }
        if ("streaming".equals(standby.get().walReceiver())) {
            return Optional.of("the DR main standby still streams from the primary (second witness disagrees)");
        }
        Long lag = lastLagWhilePrimaryUp.get(observation.relationship().id);
        if (lag == null) {
            return Optional.of("the lag before the outage is unknown");
        }
        if (lag > policy.maxDataLossBytes) {
            return Optional.of("the last known lag of " + lag + " bytes is above the allowed "
                    + policy.maxDataLossBytes + " bytes of data loss");
        }
        return Optional.empty();
    }

    private boolean holdsLock() {
        Object locked = entityManager.createNativeQuery(
                "select pg_try_advisory_xact_lock(hashtext(current_schema() || '.auto-failover'))").getSingleResult();
        return Boolean.TRUE.equals(locked);
    }
}
