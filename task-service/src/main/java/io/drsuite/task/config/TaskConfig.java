package io.drsuite.task.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How tasks are run ({@code drsuite.tasks.*}). */
@ConfigMapping(prefix = "drsuite.tasks")
public interface TaskConfig {

    /** How long a claimed task stays with an instance that stopped renewing it; then another instance takes it. */
    @WithDefault("15s")
    Duration leaseTtl();

    /** How often idle instances look for runnable tasks (new requests also wake them at once). */
    @WithDefault("1s")
    Duration pollInterval();

    /** How many tasks one instance runs at the same time. */
    @WithDefault("4")
    int maxConcurrent();
}
