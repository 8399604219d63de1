package io.drsuite.relationship.service;

import io.drsuite.events.relationship.RelationshipPhase;
import io.drsuite.relationship.model.Relationship;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code drsuite_relationships{phase}}: how many relationships are in each phase, counted from the database every
 * few seconds (so every replica reports the same numbers, whichever handled the change).
 */
@ApplicationScoped
public class RelationshipMetrics {

    private final Map<RelationshipPhase, AtomicLong> byPhase = new EnumMap<>(RelationshipPhase.class);

    RelationshipMetrics(MeterRegistry registry) {
        for (RelationshipPhase phase : RelationshipPhase.values()) {
            AtomicLong count = new AtomicLong();
            byPhase.put(phase, count);
            Gauge.builder("drsuite.relationships", count, AtomicLong::get).tag("phase", phase.wireName())
                    .description("DR relationships by phase").register(registry);
        }
    }

    @Scheduled(every = "${drsuite.relationship.metrics-interval:5s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void count() {
        Map<RelationshipPhase, Long> counted = new EnumMap<>(RelationshipPhase.class);
        QuarkusTransaction.requiringNew().run(() -> {
            for (Object[] row : Relationship.getEntityManager()
                    .createQuery("select r.phase, count(r) from Relationship r group by r.phase", Object[].class)
                    .getResultList()) {
                counted.put((RelationshipPhase) row[0], (Long) row[1]);
            }
        });
        byPhase.forEach((phase, count) -> count.set(counted.getOrDefault(phase, 0L)));
    }
}
