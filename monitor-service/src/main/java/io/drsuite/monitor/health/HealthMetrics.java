package io.drsuite.monitor.health;

import io.drsuite.clusterclient.sql.SlotState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Prometheus gauges per node and per relationship, updated after each poll: {@code drsuite_node_up},
 * {@code drsuite_node_is_primary}, {@code drsuite_slot_retained_bytes} ({@code cluster}, {@code node}),
 * {@code drsuite_replication_lag_bytes}, {@code drsuite_replication_lag_seconds},
 * {@code drsuite_rpo_estimate_seconds} ({@code relationship}), {@code drsuite_slot_safe_wal_bytes} ({@code cluster},
 * {@code node}, {@code slot}: WAL that may still be written before the slot passes {@code max_slot_wal_keep_size};
 * 0 once the slot is lost, NaN without a cap), {@code drsuite_rpo_objective_seconds} and
 * {@code drsuite_rpo_objective_breached} ({@code relationship}: 1 while the RPO estimate is above the objective, 0
 * while it is not, NaN without an objective). A value the poll could not read is NaN.
 *
 * <p>Replicas divide the fleet, so each one has the node gauges of the nodes it watches and the leading one the
 * relationship gauges; a gauge whose node or relationship moved to another replica is removed, not left at its last
 * value. {@code drsuite_monitor_owned_clusters} and {@code drsuite_monitor_watched_nodes} say how much each watches.
 */
@ApplicationScoped
public class HealthMetrics {

    private final MeterRegistry registry;
    private final Map<String, Value> values = new ConcurrentHashMap<>();
    private final AtomicInteger ownedClusters = new AtomicInteger();
    private final AtomicInteger watchedNodes = new AtomicInteger();

    HealthMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("drsuite.monitor.owned.clusters", ownedClusters, AtomicInteger::get)
                .description("Clusters this replica watches").register(registry);
        Gauge.builder("drsuite.monitor.watched.nodes", watchedNodes, AtomicInteger::get)
                .description("Nodes this replica polls").register(registry);
    }

    /** The nodes this replica polled: their gauges, and no gauge for any other node. */
    void watched(int clusters, List<NodeHealth> nodes) {
        ownedClusters.set(clusters);
        watchedNodes.set(nodes.size());
        nodes.forEach(this::node);
        Set<String> subjects = nodes.stream().map(node -> LatestHealth.key(node.cluster(), node.node()))
                .collect(Collectors.toSet());
        forget(Value.Kind.NODE, subjects);
    }

    /** Removes the gauges of every relationship but these (by name). */
    void keepRelationships(Set<String> names) {
        forget(Value.Kind.RELATIONSHIP, names);
    }

    private void node(NodeHealth health) {
        Value.Subject subject = new Value.Subject(Value.Kind.NODE, LatestHealth.key(health.cluster(), health.node()));
        Tags tags = Tags.of("cluster", health.cluster(), "node", health.node());
        set(subject, "drsuite.node.up", tags, health.reachable() ? 1.0 : 0.0);
        set(subject, "drsuite.node.is.primary", tags, health.isPrimary() ? 1.0 : 0.0);
        set(subject, "drsuite.slot.retained.bytes", tags, number(health.slotRetainedBytes()));
        for (SlotState slot : health.slots()) {
            set(subject, "drsuite.slot.safe.wal.bytes", tags.and("slot", slot.name()),
                    slot.isLost() ? 0.0 : number(slot.safeWalBytes()));
        }
    }

    void relationship(RelationshipHealth health, Integer rpoObjectiveSeconds) {
        Value.Subject subject = new Value.Subject(Value.Kind.RELATIONSHIP, health.name());
        Tags tags = Tags.of("relationship", health.name());
        set(subject, "drsuite.replication.lag.bytes", tags, number(health.lagBytes()));
        set(subject, "drsuite.replication.lag.seconds", tags, number(health.lagSeconds()));
        set(subject, "drsuite.rpo.estimate.seconds", tags, number(health.rpoEstimateSeconds()));
        set(subject, "drsuite.rpo.objective.seconds", tags, number(rpoObjectiveSeconds));
        set(subject, "drsuite.rpo.objective.breached", tags, RpoObjective.breached(health, rpoObjectiveSeconds)
                .map(breached -> breached ? 1.0 : 0.0).orElse(Double.NaN));
    }

    private void set(Value.Subject subject, String name, Tags tags, double value) {
        values.computeIfAbsent(name + tags, key -> {
            AtomicReference<Double> holder = new AtomicReference<>(value);
            Gauge gauge = Gauge.builder(name, holder, AtomicReference::get).tags(tags).register(registry);
            return new Value(subject, gauge, holder);
        }).holder().set(value);
    }

    private void forget(Value.Kind kind, Set<String> keep) {
        values.values().removeIf(value -> {
            boolean gone = value.subject().kind() == kind && !keep.contains(value.subject().name());
            if (gone) {
                registry.remove(value.gauge());
            }
            return gone;
        });
    }

    /** A registered gauge, what it is about and the value it reads. */
    private record Value(Subject subject, Gauge gauge, AtomicReference<Double> holder) {

        enum Kind { NODE, RELATIONSHIP }

        record Subject(Kind kind, String name) {
        }
    }

    private static double number(Number value) {
        return value == null ? Double.NaN : value.doubleValue();
    }
}
