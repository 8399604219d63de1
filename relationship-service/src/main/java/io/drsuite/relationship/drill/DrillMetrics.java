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
 * Per relationship and kind of drill: {@code drsuite_drill_last_success_age_seconds} (since the last passed drill of
 * that kind ended), {@code drsuite_drill_rto_seconds} and {@code drsuite_drill_rpo_bytes} (of the last finished drill
 * of that kind; NaN when it did not measure them: a round trip's RTO is its longer write outage, it measures no RPO,
 * and a restore test measures neither). Read from the stored drills every few seconds, so they survive restarts and
 * every replica shows the same.
 */
@ApplicationScoped
public class DrillMetrics {

    private final MeterRegistry registry;
    /** The series' labels. */
    private record Series(String relationship, String kind) {

        static Series of(Drill drill) {
            return new Series(drill.relationshipName, drill.kind.wireName());
        }
    }

    private final Map<Series, Instant> lastSuccess = new ConcurrentHashMap<>();
    private final Map<Series, Double> rtoSeconds = new ConcurrentHashMap<>();
    private final Map<Series, Double> rpoBytes = new ConcurrentHashMap<>();

    DrillMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Scheduled(every = "${drsuite.drills.metrics-interval:5s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void read() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (Drill drill : Drill.lastPassedPerRelationshipAndKind()) {
                register(Series.of(drill));
                lastSuccess.put(Series.of(drill), drill.finishedAt);
            }
            List<Drill> finished = Drill.lastFinishedPerRelationshipAndKind();
            for (Drill drill : finished) {
                register(Series.of(drill));
                rtoSeconds.put(Series.of(drill), drill.rtoSeconds == null ? Double.NaN : drill.rtoSeconds);
                rpoBytes.put(Series.of(drill), drill.rpoBytes == null ? Double.NaN : drill.rpoBytes);
            }
        });
    }

    private void register(Series series) {
        if (rtoSeconds.containsKey(series)) {
            return;
        }
        rtoSeconds.put(series, Double.NaN);
        rpoBytes.put(series, Double.NaN);
        Gauge.builder("drsuite.drill.last.success.age.seconds", lastSuccess, known -> age(known.get(series)))
                .tag("relationship", series.relationship()).tag("kind", series.kind())
                .description("Seconds since the relationship's last passed drill of this kind ended; NaN when none "
                        + "passed")
                .register(registry);
        Gauge.builder("drsuite.drill.rto.seconds", rtoSeconds, known -> known.getOrDefault(series, Double.NaN))
                .tag("relationship", series.relationship()).tag("kind", series.kind())
                .description("RTO measured by the relationship's last drill of this kind")
                .register(registry);
        Gauge.builder("drsuite.drill.rpo.bytes", rpoBytes, known -> known.getOrDefault(series, Double.NaN))
                .tag("relationship", series.relationship()).tag("kind", series.kind())
                .description("RPO in bytes measured by the relationship's last drill of this kind")
                .register(registry);
    }

    private static double age(Instant finishedAt) {
        return finishedAt == null ? Double.NaN
                : Duration.between(finishedAt, Instant.now()).toMillis() / 1000.0;
    }
}
