package io.drsuite.snapshot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Snapshot settings ({@code drsuite.snapshots.*}). */
@ConfigMapping(prefix = "drsuite.snapshots")
public interface SnapshotConfig {

    /** How long one backup, verification or restore task may run. */
    @WithDefault("6h")
    Duration taskTimeout();

    /** How long a request naming a cluster this service has not heard of waits for its registration event. */
    @WithDefault("5s")
    Duration catalogWait();

    /** How often retention looks for expired snapshots. */
    @WithDefault("60s")
    Duration retentionInterval();

    /** How often policy schedules are compared with the database (other instances may have changed them). */
    @WithDefault("30s")
    Duration scheduleSyncInterval();

    /** How soon a WAL archive's summary (last segment, gaps, recovery window) follows the files recorded. */
    @WithDefault("2s")
    Duration walSummaryInterval();

    /**
     * How long a WAL archive's stream task may run: it runs until switched off, so this only bounds a forgotten
     * one (at most about 68 years, the task request's limit).
     */
    @WithDefault("3650d")
    Duration walStreamTimeout();
}
