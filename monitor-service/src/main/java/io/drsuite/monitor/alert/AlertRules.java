package io.drsuite.monitor.alert;

import io.drsuite.monitor.config.MonitorConfig;
import io.drsuite.monitor.health.NodeHealth;
import io.drsuite.monitor.health.RelationshipHealth;
import io.drsuite.monitor.model.RelationshipThreshold;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The alert rules, applied to one poll: {@code node_down}, {@code slot_inactive}, {@code retained_wal} per node;
 * {@code dr_link_broken}, {@code lag_bytes}, {@code lag_seconds} per relationship (with its own thresholds where
 * it has them).
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
                breaches.add(new Breach("node_down", subject, null, subject + " does not answer: " + node.error()));
                continue;
            }
            for (String slot : node.inactiveSlots()) {
                breaches.add(new Breach("slot_inactive", subject + "/" + slot, null,
                        "replication slot " + slot + " on " + subject + " is not used by any standby"));
            }
            if (node.slotRetainedBytes() != null && node.slotRetainedBytes() > config.retainedWalBytes()) {
                breaches.add(new Breach("retained_wal", subject, null, subject + "'s slots hold back "
                        + node.slotRetainedBytes() + " bytes of WAL, more than " + config.retainedWalBytes()));
            }
        }
        for (RelationshipHealth health : relationships) {
            RelationshipThreshold own = thresholds.get(health.relationshipId());
            long maxBytes = own != null && own.lagBytes != null ? own.lagBytes : config.lagBytes();
            double maxSeconds = own != null && own.lagSeconds != null ? own.lagSeconds : config.lagSeconds();
            if ("recovery_fail".equals(health.drState())) {
                breaches.add(new Breach("dr_link_broken", health.name(), health.relationshipId(),
                        "the DR main standby of " + health.name() + " is not streaming from the primary"));
            }
            if (health.lagBytes() != null && health.lagBytes() > maxBytes) {
                breaches.add(new Breach("lag_bytes", health.name(), health.relationshipId(), health.name()
                        + " lags " + health.lagBytes() + " bytes, more than " + maxBytes));
            }
            if (health.lagSeconds() != null && health.lagSeconds() > maxSeconds) {
                breaches.add(new Breach("lag_seconds", health.name(), health.relationshipId(), health.name()
                        + " lags " + health.lagSeconds() + " s, more than " + maxSeconds));
            }
        }
        return breaches;
    }
}
