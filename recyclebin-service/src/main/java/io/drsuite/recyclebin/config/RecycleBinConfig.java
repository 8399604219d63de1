package io.drsuite.recyclebin.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Recycle-bin settings ({@code drsuite.recyclebin.*}). */
@ConfigMapping(prefix = "drsuite.recyclebin")
public interface RecycleBinConfig {

    /** How long recycled objects are kept where a cluster has no retention of its own (one day, as Doris). */
    @WithDefault("P1D")
    Duration defaultRetention();

    /** How often expired entries are purged. */
    @WithDefault("30s")
    Duration expiryInterval();

    /** How often every registered cluster's bins are read (records of SQL-function drops, DR replicas). */
    @WithDefault("30s")
    Duration syncInterval();

    /**
     * Longest wait before the sync tries again a cluster or a database it could not reach: the wait starts at one
     * sync interval and doubles after each failed attempt, up to this.
     */
    @WithDefault("5m")
    Duration syncBackoffMax();

    /**
     * Most sessions the sync keeps open to the databases of one cluster between its passes (each holds a
     * connection slot of the cluster); the databases beyond are read with a session opened and closed in each pass.
     */
    @WithDefault("32")
    int syncSessionsPerCluster();

    /** How long a request naming a cluster this service has not heard of waits for its registration. */
    @WithDefault("5s")
    Duration catalogWait();
}
