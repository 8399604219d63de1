package io.drsuite.monitor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** monitor-service settings ({@code drsuite.monitor.*}). */
@ConfigMapping(prefix = "drsuite.monitor")
public interface MonitorConfig {

    /** How often every node is polled (with the {@code drsuite.clusters.poll.*} timeouts). */
    @WithDefault("2s")
    Duration pollInterval();

    /**
     * Names this replica in the managed nodes' {@code pg_stat_activity}: its sessions show
     * {@code drsuite-monitor/<instance-id>}. Unset: the host name, a dash and the process id.
     */
    Optional<String> instanceId();

    /** The monitoring sessions kept to every watched node. */
    Sessions sessions();

    /** How long every sample is kept; older relationship samples are folded into one row per minute. */
    @WithDefault("24h")
    Duration rawRetention();

    /** How often retention runs (the scheduler reads it directly). */
    @WithDefault("1m")
    Duration retentionInterval();

    /** How long the per-minute relationship samples are kept. */
    @WithDefault("30d")
    Duration downsampledRetention();

    /** The tables of samples, partitioned by time. */
    Samples samples();

    interface Samples {

        /**
         * The time each partition of node_sample and relationship_sample covers, whole seconds (partitions are named
         * after their start to the second). Retention drops a partition once all of it is past the raw retention, so
         * raw samples stay up to one width longer than the raw retention.
         */
        @WithDefault("1h")
        Duration partitionWidth();
    }

    /** Alert thresholds and hysteresis. */
    Alerts alerts();

    /** The load balancers' health checks ({@code /api/v1/routing/...}). */
    Routing routing();

    /** The relationship-sampled events on {@code drsuite.health}. */
    SampleEvents sampleEvents();

    interface Sessions {

        /**
         * The longest wait between two connect attempts to a node that does not answer: it is tried again after 1
         * poll, then 2, 4, ... polls, at most this long apart.
         */
        @WithDefault("30s")
        Duration reconnectBackoffMax();

        /**
         * How long a poll waits for its node reads; a read still running then gives its answer to a later poll (the
         * node's previous sample meanwhile). Unset: half the poll interval, so a slow node never holds the poll up.
         */
        Optional<Duration> readWait();

        /**
         * How often a cluster polled with its admin login is looked at again for the monitoring role, and how long a
         * node that refused the role's login is polled with the admin login before the role is tried again.
         */
        @WithDefault("5m")
        Duration loginRecheck();
    }

    interface SampleEvents {

        /**
         * A relationship whose figures and words did not change is announced again after this long, so a consumer
         * that started late has it within one heartbeat.
         */
        @WithDefault("30s")
        Duration heartbeat();
    }

    interface Routing {

        /**
         * How old a node's latest sample may be for a check to answer 200. Unset: three poll intervals plus the
         * poll's connect and statement timeouts (9 s with the defaults), so one slow poll does not mark every node
         * down, while a monitor-service that stopped polling does.
         */
        Optional<Duration> maxSampleAge();

        /**
         * A {@code /primary} check that the latest poll answers with 200 asks the node itself whether it still
         * takes writes, at most this often per node (answers in between reuse the last one): between two polls a
         * stopped primary may already run again as a standby, and a load balancer must not send writes there.
         */
        @WithDefault("250ms")
        Duration primaryConfirmReuse();

        /** The lag a {@code /replica} check allows when the request names none ({@code ?maxLagBytes=}). */
        @WithDefault("16777216")
        long replicaMaxLagBytes();
    }

    interface Alerts {

        /** Lag in bytes above which a relationship alerts, unless the relationship sets its own. */
        @WithDefault("67108864")
        long lagBytes();

        /** Lag in seconds above which a relationship alerts, unless the relationship sets its own. */
        @WithDefault("60")
        double lagSeconds();

        /** WAL a node's slots may hold back before it alerts. */
        @WithDefault("1073741824")
        long retainedWalBytes();

        /**
         * A slot alerts ({@code slot_wal_at_risk}) when the WAL that may still be written before it passes
         * {@code max_slot_wal_keep_size} falls under this fraction of the cap, and whenever it is unreserved or lost.
         */
        @WithDefault("0.2")
        double slotSafeWalFraction();

        /** Consecutive polls a rule must be breached before its alert is raised. */
        @WithDefault("2")
        int raiseAfter();

        /** Consecutive polls without a breach before a firing alert is resolved. */
        @WithDefault("2")
        int resolveAfter();
    }
}
