package io.drsuite.monitor.health;

import io.drsuite.clusterclient.sql.SlotState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Prometheus gauges per node and per relationship, updated after each poll: {@code drsuite_node_up},
 * {@code drsuite_node_is_primary}, {@code drsuite_slot_retained_bytes} ({@code cluster}, {@code node}),
 * {@code drsuite_replication_lag_bytes}, {@code drsuite_replication_lag_seconds},
 * {@code drsuite_rpo_estimate_seconds} ({@code relationship}), {@code drsuite_slot_safe_wal_bytes} ({@code cluster},
 * {@code node}, {@code slot}: WAL that may still be written before the slot passes {@code max_slot_wal_keep_size};
 * 0 once the slot is lost, NaN without a cap), {@code drsuite_rpo_objective_seconds} and
 * {@code drsuite_rpo_objective_breached} ({@code relationship}: 1 while the RPO estimate is above the objective, 0
 * while it is not, NaN without an objective). A value the poll could not read is NaN.
 */
@ApplicationScoped
public class HealthMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicReference<Double>> values = new ConcurrentHashMap<>();

    HealthMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void node(NodeHealth health) {
        Tags tags = Tags.of("cluster", health.cluster(), "node", health.node());
        set("drsuite.node.up", tags, health.reachable() ? 1.0 : 0.0);
        set("drsuite.node.is.primary", tags, health.isPrimary() ? 1.0 : 0.0);
        set("drsuite.slot.retained.bytes", tags, number(health.slotRetainedBytes()));
        for (SlotState slot : health.slots()) {
            set("drsuite.slot.safe.wal.bytes", tags.and("slot", slot.name()),
                    slot.isLost() ? 0.0 : number(slot.safeWalBytes()));
        }
    }

    void relationship(RelationshipHealth health, Integer rpoObjectiveSeconds) {
        Tags tags = Tags.of("relationship", health.name());
        set("drsuite.replication.lag.bytes", tags, number(health.lagBytes()));
        set("drsuite.replication.lag.seconds", tags, number(health.lagSeconds()));
        set("drsuite.rpo.estimate.seconds", tags, number(health.rpoEstimateSeconds()));
        set("drsuite.rpo.objective.seconds", tags, number(rpoObjectiveSeconds));
        set("drsuite.rpo.objective.breached", tags, RpoObjective.breached(health, rpoObjectiveSeconds)
                .map(breached -> breached ? 1.0 : 0.0).orElse(Double.NaN));
    }

    private void set(String name, Tags tags, double value) {
        values.computeIfAbsent(name + tags, key -> {
            AtomicReference<Double> holder = new AtomicReference<>(value);
            Gauge.builder(name, holder, AtomicReference::get).tags(tags).register(registry);
            return holder;
        }).set(value);
    }

    private static double number(Number value) {
        return value == null ? Double.NaN : value.doubleValue();
    }
}
