package io.drsuite.relationship.drill;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per relationship: {@code drsuite_drill_last_success_age_seconds} (since the last passed drill ended),
 * {@code drsuite_drill_rto_seconds} and {@code drsuite_drill_rpo_bytes} (of the last finished drill; NaN when it did
 * not measure them). Read from the stored drills every few seconds, so they survive restarts and every replica
 * shows the same.
 */
@ApplicationScoped
public class DrillMetrics {

    private final MeterRegistry registry;
    private final Map<String, Instant> lastSuccess = new ConcurrentHashMap<>();
    private final Map<String, Double> rtoSeconds = new ConcurrentHashMap<>();
    private final Map<String, Double> rpoBytes = new ConcurrentHashMap<>();

    DrillMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Scheduled(every = "${drsuite.drills.metrics-interval:5s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void read() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (Drill drill : Drill.lastPassedPerRelationship()) {
                register(drill.relationshipName);
                lastSuccess.put(drill.relationshipName, drill.finishedAt);
            }
            List<Drill> finished = Drill.lastFinishedPerRelationship();
            for (Drill drill : finished) {
                register(drill.relationshipName);
                rtoSeconds.put(drill.relationshipName, drill.rtoSeconds == null ? Double.NaN : drill.rtoSeconds);
                rpoBytes.put(drill.relationshipName, drill.rpoBytes == null ? Double.NaN : drill.rpoBytes);
            }
        });
    }

    private void register(String relationship) {
        if (rtoSeconds.containsKey(relationship)) {
            return;
        }
        rtoSeconds.put(relationship, Double.NaN);
        rpoBytes.put(relationship, Double.NaN);
        Gauge.builder("drsuite.drill.last.success.age.seconds", lastSuccess, known -> age(known.get(relationship)))
                .tag("relationship", relationship)
                .description("Seconds since the relationship's last passed drill ended; NaN when none passed")
                .register(registry);
        Gauge.builder("drsuite.drill.rto.seconds", rtoSeconds, known -> known.getOrDefault(relationship, Double.NaN))
                .tag("relationship", relationship).description("RTO measured by the relationship's last drill")
                .register(registry);
        Gauge.builder("drsuite.drill.rpo.bytes", rpoBytes, known -> known.getOrDefault(relationship, Double.NaN))
                .tag("relationship", relationship).description("RPO in bytes measured by the relationship's last drill")
                .register(registry);
    }

    private static double age(Instant finishedAt) {
        return finishedAt == null ? Double.NaN
                : Duration.between(finishedAt, Instant.now()).toMillis() / 1000.0;
    }
}
