package io.drsuite.monitor.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A cluster's opt-in automatic local failover policy: promote one of its own standbys when its primary is lost. */
@Entity
@Table(name = "local_failover_policy")
public class LocalFailoverPolicy extends PanacheEntityBase {

    /** How long the primary must be unreachable when the policy names no time. */
    public static final int DEFAULT_PRIMARY_DOWN_SECONDS = 30;
    /** How far the best standby may be behind the primary's last position when the policy names no limit: 16 MiB. */
    public static final long DEFAULT_MAX_LAG_BYTES = 16L * 1024 * 1024;

    @Id
    @Column(name = "cluster_id")
    public UUID clusterId;

    public boolean enabled;

    /** How long the cluster's main node must have been unreachable. */
    @Column(name = "primary_down_seconds", nullable = false)
    public int primaryDownSeconds;

    /** The most WAL, in bytes, the chosen standby may miss of the primary's last position seen. */
    @Column(name = "max_lag_bytes", nullable = false)
    public long maxLagBytes;

    /** When the policy last asked for a failover; it asks once per outage. */
    @Column(name = "last_requested_at")
    public Instant lastRequestedAt;

    /** The standby it asked for then. */
    @Column(name = "last_requested_node")
    public String lastRequestedNode;

    /** The policy of a cluster that has none: off, with the default bounds. Not stored. */
    public static LocalFailoverPolicy off(UUID clusterId) {
        LocalFailoverPolicy policy = new LocalFailoverPolicy();
        policy.clusterId = clusterId;
        policy.enabled = false;
        policy.primaryDownSeconds = DEFAULT_PRIMARY_DOWN_SECONDS;
        policy.maxLagBytes = DEFAULT_MAX_LAG_BYTES;
        return policy;
    }

    /** The policies that are on, by cluster id (the order the decision takes their locks in). */
    public static List<LocalFailoverPolicy> enabled() {
        return list("enabled = true order by clusterId");
    }

    public void requested(Instant at, String node) {
        lastRequestedAt = at;
        lastRequestedNode = node;
    }
}
