package io.drsuite.relationship.drill;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Drill settings. */
@ConfigMapping(prefix = "drsuite.drills")
public interface DrillConfig {

    /** Tables with more pages than this have their checksum taken over a sample (row counts are always exact). */
    @WithDefault("12800")
    int sampleAbovePages();

    /** The percentage of pages a sampled checksum reads. */
    @WithDefault("10")
    int samplePercent();

    /** How often the drill metrics are read from the stored drills ({@link DrillMetrics}). */
    @WithDefault("5s")
    Duration metricsInterval();

    /**
     * How often every replica looks for due drill plans ({@link DrillPlanScheduler}, which reads it through its
     * {@code @Scheduled} expression): a plan's drill starts at most this long after its due time.
     */
    @WithDefault("5s")
    Duration planInterval();
}
