package io.drsuite.monitor.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A relationship's opt-in automatic failover policy. */
@Entity
@Table(name = "failover_policy")
public class FailoverPolicy extends PanacheEntityBase {

    /** How long the primary must be unreachable when the policy names no time. */
    public static final int DEFAULT_PRIMARY_DOWN_SECONDS = 30;
    /** The data loss allowed when the policy names none: 16 MiB of WAL. */
    public static final long DEFAULT_MAX_DATA_LOSS_BYTES = 16L * 1024 * 1024;

    @Id
    @Column(name = "relationship_id")
    public UUID relationshipId;

    public boolean enabled;

    /** How long the primary must have been unreachable. */
    @Column(name = "primary_down_seconds", nullable = false)
    public int primaryDownSeconds;

    /** The most WAL, in bytes, the DR side may have been behind at the last poll that reached the primary. */
    @Column(name = "max_data_loss_bytes", nullable = false)
    public long maxDataLossBytes;

    /** When the policy last asked for a failover; it asks once per outage. */
    @Column(name = "last_requested_at")
    public Instant lastRequestedAt;

    /** The policy of a relationship that has none: off, with the default bounds. Not stored. */
    public static FailoverPolicy off(UUID relationshipId) {
        FailoverPolicy policy = new FailoverPolicy();
        policy.relationshipId = relationshipId;
        policy.enabled = false;
        policy.primaryDownSeconds = DEFAULT_PRIMARY_DOWN_SECONDS;
        policy.maxDataLossBytes = DEFAULT_MAX_DATA_LOSS_BYTES;
        return policy;
    }
}
