package io.drsuite.relationship.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * relationship-service settings.
 */
@ConfigMapping(prefix = "drsuite.relationship")
public interface RelationshipConfig {

    /** Timeout of a relationship's operations when the request names none ({@code gs_ddr --time-out}). */
    @WithDefault("1200")
    int defaultTimeoutSeconds();

    /** Most WAL bytes the DR side may lag behind for a switchover to start. */
    @WithDefault("16777216")
    long switchoverMaxLagBytes();

    /**
     * How queries and the check before an automatic failover read the managed clusters live (their timeouts are
     * {@code drsuite.clusters.live-reads.*}).
     */
    LiveReads liveReads();

    /**
     * Oldest automatic failover request (monitor-service's {@code FailoverRequested}) still acted on; an older one
     * (replayed, or held back while Kafka was down) is refused.
     */
    @WithDefault("60s")
    Duration failoverRequestMaxAge();

    interface LiveReads {

        /** Longest a relationship query waits for its lag reading; after it the lag is shown as unknown. */
        @WithDefault("3s")
        Duration answerWithin();

        /** Most lag readings at once (and as many more waiting); further queries show the lag as unknown. */
        @WithDefault("4")
        int concurrency();
    }
}
