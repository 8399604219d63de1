package io.drsuite.monitor.samples;

import io.drsuite.monitor.config.MonitorConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Keeps the sample tables' partitions: creates them ahead of the polls, moves stray rows out of the default
 * partition, and drops whole partitions once all of them is past the raw retention; a relationship partition's
 * samples are first folded into one row per minute (the worst of each minute), kept for the downsampled retention.
 * No sample row is ever deleted one by one.
 *
 * <p>Partitions are made from the one holding now until two widths ahead, and at least three maintenance runs
 * ahead, so a few failed runs (a control-plane database restart) still find the polls' partitions in place.
 */
@ApplicationScoped
public class SampleRetention {

    private static final Logger LOG = Logger.getLogger(SampleRetention.class);

    /** Folds one partition's relationship samples into one row per minute, the worst of each minute. */
    private static final String DOWNSAMPLE = """
            insert into relationship_sample_minute as m
                   (relationship_id, minute, samples, max_lag_bytes, max_lag_seconds, max_rpo_estimate_seconds,
                    broken_samples)
            select relationship_id, date_trunc('minute', sampled_at), count(*), max(lag_bytes), max(lag_seconds),
                   max(rpo_estimate_seconds), count(*) filter (where dr_state = 'recovery_fail')
              from relationship_sample
             where sampled_at >= :from and sampled_at < :to
             group by 1, 2
            on conflict (relationship_id, minute) do update
               set samples = m.samples + excluded.samples,
                   max_lag_bytes = greatest(m.max_lag_bytes, excluded.max_lag_bytes),
                   max_lag_seconds = greatest(m.max_lag_seconds, excluded.max_lag_seconds),
                   max_rpo_estimate_seconds = greatest(m.max_rpo_estimate_seconds, excluded.max_rpo_estimate_seconds),
                   broken_samples = m.broken_samples + excluded.broken_samples""";

    private final SamplePartitions partitions;
    private final EntityManager entityManager;
    private final MonitorConfig config;
    private final Duration width;

    SampleRetention(SamplePartitions partitions, EntityManager entityManager, MonitorConfig config) {
        this.partitions = partitions;
        this.entityManager = entityManager;
        this.config = config;
        this.width = config.samples().partitionWidth();
        if (width.toMillis() < 1000 || width.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("drsuite.monitor.samples.partition-width must be whole seconds, at "
                    + "least 1s: " + width);
        }
    }

    /** The first polls find their partitions (and the rows a migration moved find theirs). */
    void onStart(@Observes StartupEvent event) {
        try {
            prepare(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf("Sample partitions not prepared at start, retried every retention interval: %s",
                    e.getMessage());
        }
    }

    @Scheduled(every = "${drsuite.monitor.retention-interval:1m}", delayed = "${drsuite.monitor.retention-interval:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void apply() {
        try {
            Instant now = Instant.now();
            prepare(now);
            expire(now.minus(config.rawRetention()));
            QuarkusTransaction.requiringNew().run(() -> entityManager
                    .createNativeQuery("delete from relationship_sample_minute where minute < :before")
                    .setParameter("before", now.minus(config.downsampledRetention())).executeUpdate());
        } catch (RuntimeException e) {
            LOG.warnf("Sample retention failed, retried in one retention interval: %s", e.getMessage());
        }
    }

    /** Partitions from the one holding now until ahead, each table in its own transaction. */
    void prepare(Instant now) {
        Instant ahead = latest(now.plus(width.multipliedBy(2)), now.plus(config.retentionInterval().multipliedBy(3)));
        List<PartitionRange> wanted = new ArrayList<>();
        for (PartitionRange slot = PartitionRange.slotOf(now, width); !slot.from().isAfter(ahead);
                slot = PartitionRange.slotOf(slot.to(), width)) {
            wanted.add(slot);
        }
        for (SampleTable table : SampleTable.values()) {
            QuarkusTransaction.requiringNew().run(() -> {
                if (!partitions.lock(table)) {
                    return;
                }
                int moved = partitions.emptyDefault(table, width);
                if (moved > 0) {
                    LOG.infof("Moved %d rows of %s's default partition into time partitions", moved, table.table());
                }
                wanted.forEach(slot -> partitions.cover(table, slot));
            });
        }
    }

    /** Drops every partition that ends before the cutoff, each in its own transaction with its fold. */
    void expire(Instant cutoff) {
        for (SampleTable table : SampleTable.values()) {
            List<SamplePartition> expired = QuarkusTransaction.requiringNew().call(() -> partitions.list(table))
                    .stream().filter(partition -> !partition.range().to().isAfter(cutoff)).toList();
            for (SamplePartition partition : expired) {
                QuarkusTransaction.requiringNew().run(() -> {
                    // Another replica may have dropped it since.
                    if (!partitions.lock(table) || !partitions.list(table).contains(partition)) {
                        return;
                    }
                    if (table == SampleTable.RELATIONSHIP) {
                        entityManager.createNativeQuery(DOWNSAMPLE).setParameter("from", partition.range().from())
                                .setParameter("to", partition.range().to()).executeUpdate();
                    }
                    partitions.drop(partition);
                    LOG.debugf("Dropped %s, past the raw retention", partition.name());
                });
            }
        }
    }

    private static Instant latest(Instant one, Instant other) {
        return one.isAfter(other) ? one : other;
    }
}
