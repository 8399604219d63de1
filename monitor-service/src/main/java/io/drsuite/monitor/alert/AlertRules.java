package io.drsuite.monitor.alert;

import io.drsuite.clusterclient.sql.SlotState;
import io.drsuite.events.relationship.ClusterState;
import io.drsuite.monitor.config.MonitorConfig;
import io.drsuite.monitor.health.NodeHealth;
import io.drsuite.monitor.health.RelationshipHealth;
import io.drsuite.monitor.health.RpoObjective;
import io.drsuite.monitor.model.RelationshipThreshold;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The alert rules, applied to one poll: {@code node_down}, {@code slot_inactive}, {@code retained_wal} per node,
 * {@code slot_wal_at_risk} per slot;
 * {@code dr_link_broken}, {@code lag_bytes}, {@code lag_seconds} per relationship (with its own thresholds where
 * it has them), {@code rpo_objective_breached} per relationship with an RPO objective.
 */
public final class AlertRules {

    private AlertRules() {
    }

    public static List<Breach> breaches(List<NodeHealth> nodes, List<RelationshipHealth> relationships,
            Map<UUID, RelationshipThreshold> thresholds, MonitorConfig.Alerts config) {
        List<Breach> breaches = new ArrayList<>();
        for (NodeHealth node : nodes) {
            String subject = node.cluster() + "/" + node.node();
            if (!node.reachable()) {
                breaches.add(new Breach(AlertRule.NODE_DOWN, subject, null,
                        subject + " does not answer: " + node.error()));
                continue;
            }
            for (String slot : node.inactiveSlots()) {
                breaches.add(new Breach(AlertRule.SLOT_INACTIVE, subject + "/" + slot, null,
                        "replication slot " + slot + " on " + subject + " is not used by any standby"));
            }
            for (SlotState slot : node.slots()) {
                slotAtRisk(subject, slot, node.slotWalCapBytes(), config.slotSafeWalFraction())
                        .ifPresent(detail -> breaches.add(new Breach(AlertRule.SLOT_WAL_AT_RISK,
                                subject + "/" + slot.name(), null, detail)));
            }
            if (node.slotRetainedBytes() != null && node.slotRetainedBytes() > config.retainedWalBytes()) {
                breaches.add(new Breach(AlertRule.RETAINED_WAL, subject, null, subject + "'s slots hold back "
                        + node.slotRetainedBytes() + " bytes of WAL, more than " + config.retainedWalBytes()));
            }
        }
        for (RelationshipHealth health : relationships) {
            RelationshipThreshold own = thresholds.get(health.relationshipId());
            long maxBytes = own != null && own.lagBytes != null ? own.lagBytes : config.lagBytes();
            double maxSeconds = own != null && own.lagSeconds != null ? own.lagSeconds : config.lagSeconds();
            if (health.drState() == ClusterState.RECOVERY_FAIL) {
                breaches.add(new Breach(AlertRule.DR_LINK_BROKEN, health.name(), health.relationshipId(),
                        "the DR main standby of " + health.name() + " is not streaming from the primary"));
            }
            if (health.lagBytes() != null && health.lagBytes() > maxBytes) {
                breaches.add(new Breach(AlertRule.LAG_BYTES, health.name(), health.relationshipId(), health.name()
                        + " lags " + health.lagBytes() + " bytes, more than " + maxBytes));
            }
            if (health.lagSeconds() != null && health.lagSeconds() > maxSeconds) {
                breaches.add(new Breach(AlertRule.LAG_SECONDS, health.name(), health.relationshipId(), health.name()
                        + " lags " + health.lagSeconds() + " s, more than " + maxSeconds));
            }
        }
        return breaches;
    }

    /** Relationships whose live RPO estimate is above their objective ({@code objectives} by relationship id). */
    public static List<Breach> rpoObjectiveBreaches(List<RelationshipHealth> relationships,
            Map<UUID, Integer> objectives) {
        List<Breach> breaches = new ArrayList<>();
        for (RelationshipHealth health : relationships) {
            Integer objective = objectives.get(health.relationshipId());
            if (RpoObjective.breached(health, objective).orElse(false)) {
                breaches.add(new Breach(AlertRule.RPO_OBJECTIVE_BREACHED, health.name(), health.relationshipId(),
                        "a disaster now would lose " + health.rpoEstimateSeconds() + " s of commits on "
                                + health.name() + ", more than its RPO objective of " + objective + " s"));
            }
        }
        return breaches;
    }

    private static Optional<String> slotAtRisk(String subject, SlotState slot, Long capBytes, double fraction) {
        String name = "replication slot " + slot.name() + " on " + subject;
        if (slot.isLost()) {
            return Optional.of(name + " is lost (max_slot_wal_keep_size passed): its standby must be rebuilt");
        }
        if (slot.isUnreserved()) {
            return Optional.of(name + " needs WAL beyond max_slot_wal_keep_size; it is lost at the next checkpoint"
                    + " unless its standby catches up");
        }
        if (capBytes != null && slot.safeWalBytes() != null && slot.safeWalBytes() < capBytes * fraction) {
            return Optional.of(name + " has " + slot.safeWalBytes() + " bytes of WAL left before it passes "
                    + "max_slot_wal_keep_size (" + capBytes + " bytes)");
        }
        return Optional.empty();
    }
}
