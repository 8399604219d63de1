package io.drsuite.monitor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** monitor-service settings ({@code drsuite.monitor.*}). */
@ConfigMapping(prefix = "drsuite.monitor")
public interface MonitorConfig {

    /** How often every node is polled. */
    @WithDefault("2s")
    Duration pollInterval();

    /** Longest wait for a node to accept a connection; a dead node costs at most this per poll. */
    @WithDefault("1s")
    Duration connectTimeout();

    /** Longest a status query may take on a node. */
    @WithDefault("2s")
    Duration statementTimeout();

    /** How long samples are kept. */
    @WithDefault("24h")
    Duration rawRetention();
}
