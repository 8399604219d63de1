package io.drsuite.catalog.ownership;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How replicas divide the registered clusters (see {@link ClusterOwnership}). */
@ConfigMapping(prefix = "drsuite.ownership")
public interface OwnershipSettings {

    /** The cluster topic, keyed by cluster id. */
    @WithDefault("drsuite.clusters")
    String topic();

    /** Appended to the application name for the consumer group the replicas share. */
    @WithDefault("-owners")
    String groupSuffix();

    /**
     * How long a silent replica keeps its clusters: a replica killed without leaving the group has its clusters
     * watched by the others after this (plus a rebalance, a few seconds).
     */
    @WithDefault("10s")
    Duration sessionTimeout();

    @WithDefault("3s")
    Duration heartbeatInterval();
}
