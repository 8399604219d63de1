package io.drsuite.monitor.health;

import io.drsuite.catalog.KnownCluster;
import io.drsuite.clusterclient.sql.SlotState;
import io.drsuite.events.health.RelationshipHealthChanged;
import io.drsuite.events.relationship.ClusterState;
import io.drsuite.events.task.DrTasks;
import io.drsuite.relationships.KnownRelationship;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Derives a relationship's lag, RPO estimate and gs_ddr health words from the latest samples of its main nodes. A
 * relationship whose slot on the primary was invalidated ({@code wal_status = lost}) is broken, with that reason,
 * even while the standby still replays what it had received.
 */
public final class RelationshipHealthCalculator {

    private RelationshipHealthCalculator() {
    }

    /**
     * @param health the latest sample of every node, by "cluster/node"
     */
    public static RelationshipHealth of(KnownRelationship relationship, KnownCluster primary, KnownCluster dr,
            Map<String, NodeHealth> health, Instant now) {
        Optional<NodeHealth> source = main(primary, health).filter(NodeHealth::reachable);
        Optional<NodeHealth> standby = main(dr, health).filter(NodeHealth::reachable);
        boolean streaming = standby.map(NodeHealth::streams).orElse(false)
                && source.map(NodeHealth::isPrimary).orElse(false);
        Long lagBytes = null;
        Double lagSeconds = null;
        Double rpoSeconds = null;
        if (source.isPresent() && standby.isPresent() && source.get().currentLsn() != null
                && standby.get().replayLsn() != null) {
            NodeHealth s = standby.get();
            lagBytes = source.get().currentLsn().bytesAfter(s.replayLsn());
            long unreceived = s.receiveLsn() == null ? lagBytes : source.get().currentLsn().bytesAfter(s.receiveLsn());
            double sinceReplay = s.lastReplayAt() == null ? 0
                    : Math.max(0, Duration.between(s.lastReplayAt(), now).toMillis() / 1000.0);
            lagSeconds = lagBytes == 0 ? 0.0 : sinceReplay;
            rpoSeconds = unreceived == 0 ? 0.0 : sinceReplay;
        }
        boolean slotLost = source.flatMap(node -> node.slot(DrTasks.slotName(relationship.name)))
                .map(SlotState::isLost).orElse(false);
        boolean linked = streaming && !slotLost;
        return new RelationshipHealth(relationship.id, relationship.name, now, lagBytes, lagSeconds, rpoSeconds,
                ClusterState.primaryLink(linked), ClusterState.drLink(linked),
                slotLost ? RelationshipHealthChanged.SLOT_LOST : null);
    }

    /** The latest sample of the cluster's main node, reachable or not. */
    public static Optional<NodeHealth> main(KnownCluster cluster, Map<String, NodeHealth> health) {
        return Optional.ofNullable(health.get(LatestHealth.key(cluster.name, cluster.mainNode().name())));
    }
}
