package io.drsuite.task.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How long a DR build keeps the data directory it replaced ({@code drsuite.replaced-data.*}). Creating a relationship
 * overwrites the DR cluster; keeping its previous data for a while lets a mistaken overwrite be undone.
 */
@ConfigMapping(prefix = "drsuite.replaced-data")
public interface ReplacedDataConfig {

    /**
     * How long the replaced data stays next to the new data directory. A day covers a mistake noticed the next
     * working morning without doubling the DR hosts' disk use for longer than that.
     */
    @WithDefault("24h")
    Duration retention();

    /** How often the sweep looks for replaced data whose time is up. */
    @WithDefault("10m")
    Duration sweepInterval();
}
