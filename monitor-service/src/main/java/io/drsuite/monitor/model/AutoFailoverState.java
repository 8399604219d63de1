package io.drsuite.monitor.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Where one relationship's automatic failover decision stands, kept in the database rather than in one instance's
 * memory: production runs two monitor-service replicas, and either may poll next or restart mid-outage. Each
 * decision reads and changes the row under a row lock ({@link #lockedFor}), so two instances never act on the same
 * outage twice.
 */
@Entity
@Table(name = "auto_failover_state")
public class AutoFailoverState extends PanacheEntityBase {

    @Id
    @Column(name = "relationship_id")
    public UUID relationshipId;

    /** The newest poll folded in; an older poll that commits later changes nothing. */
    @Column(name = "last_observed_at")
    public Instant lastObservedAt;

    /** Since when the primary's main node has not answered; null while it answers. */
    @Column(name = "primary_down_since")
    public Instant primaryDownSince;

    /** Polls in a row that found the primary down. */
    @Column(name = "failed_polls", nullable = false)
    public int failedPolls;

    /** The lag at the last poll that reached the primary. */
    @Column(name = "last_lag_bytes")
    public Long lastLagBytes;

    /** When a failover was requested for the current outage; null when none was. */
    @Column(name = "requested_at")
    public Instant requestedAt;

    /** The relationship's row, created if missing, locked until the transaction ends. */
    public static AutoFailoverState lockedFor(UUID relationshipId) {
        getEntityManager().createNativeQuery(
                "insert into auto_failover_state (relationship_id) values (:id) on conflict do nothing")
                .setParameter("id", relationshipId).executeUpdate();
        return getEntityManager().find(AutoFailoverState.class, relationshipId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** False for a poll older than one already folded in (another instance got there first). */
    public boolean isNewer(Instant observedAt) {
        return lastObservedAt == null || observedAt.isAfter(lastObservedAt);
    }

    /** The primary answered: any outage is over. */
    public void primaryAnswered(Instant observedAt, Long lagBytes) {
        lastObservedAt = observedAt;
        primaryDownSince = null;
        failedPolls = 0;
        requestedAt = null;
        if (lagBytes != null) {
            lastLagBytes = lagBytes;
        }
    }

    /** The primary did not answer; returns how long it has been down. */
    public Duration primaryMissed(Instant observedAt) {
        lastObservedAt = observedAt;
        if (primaryDownSince == null) {
            primaryDownSince = observedAt;
        }
        failedPolls++;
        return Duration.between(primaryDownSince, observedAt);
    }

    public boolean failoverRequested() {
        return requestedAt != null;
    }

    public void markFailoverRequested(Instant at) {
        requestedAt = at;
    }
}
