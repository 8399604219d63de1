package io.drsuite.relationship.drill;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Drill settings. */
@ConfigMapping(prefix = "drsuite.drills")
public interface DrillConfig {

    /** Tables with more pages than this have their checksum taken over a sample (row counts are always exact). */
    @WithDefault("12800")
    int sampleAbovePages();

    /** The percentage of pages a sampled checksum reads. */
    @WithDefault("10")
    int samplePercent();
}
