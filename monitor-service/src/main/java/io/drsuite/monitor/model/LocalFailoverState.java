package io.drsuite.monitor.model;

import io.drsuite.clusterclient.sql.Lsn;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Where one cluster's automatic local failover decision stands, kept in the database like {@link AutoFailoverState}
 * (two replicas, restarts mid-outage): read and changed under a row lock ({@link #lockedFor}), so one outage leads to
 * one request whichever instance polls. A new main node (the cluster changed, e.g. after the failover asked for)
 * starts the count afresh.
 */
@Entity
@Table(name = "local_failover_state")
public class LocalFailoverState extends PanacheEntityBase {

    @Id
    @Column(name = "cluster_id")
    public UUID clusterId;

    /** The main node the state is about. */
    @Column(name = "main_node")
    public String mainNode;

    /** The newest poll folded in; an older poll that commits later changes nothing. */
    @Column(name = "last_observed_at")
    public Instant lastObservedAt;

    /** Since when the main node has not answered; null while it answers. */
    @Column(name = "primary_down_since")
    public Instant primaryDownSince;

    /** Polls in a row that found the main node down. */
    @Column(name = "failed_polls", nullable = false)
    public int failedPolls;

    /** The primary's write position at the last poll that found it writable. */
    @Column(name = "last_primary_lsn")
    public Long lastPrimaryLsn;

    /** When a failover was requested for the current outage; null when none was. */
    @Column(name = "requested_at")
    public Instant requestedAt;

    /** The standby that request named. */
    @Column(name = "requested_node")
    public String requestedNode;

    /** The cluster's row, created if missing, locked until the transaction ends. */
    public static LocalFailoverState lockedFor(UUID clusterId) {
        getEntityManager().createNativeQuery(
                "insert into local_failover_state (cluster_id) values (:id) on conflict do nothing")
                .setParameter("id", clusterId).executeUpdate();
        return getEntityManager().find(LocalFailoverState.class, clusterId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** False for a poll older than one already folded in (another instance got there first). */
    public boolean isNewer(Instant observedAt) {
        return lastObservedAt == null || observedAt.isAfter(lastObservedAt);
    }

    /** Follows the cluster's main node; a different one than before forgets the previous one's outage. */
    public void follow(String node) {
        if (!Objects.equals(mainNode, node)) {
            mainNode = node;
            primaryDownSince = null;
            failedPolls = 0;
            lastPrimaryLsn = null;
            requestedAt = null;
            requestedNode = null;
        }
    }

    /** The main node answered: any outage is over; its write position is kept while it is writable. */
    public void primaryAnswered(Instant observedAt, Lsn writePosition) {
        lastObservedAt = observedAt;
        primaryDownSince = null;
        failedPolls = 0;
        requestedAt = null;
        requestedNode = null;
        if (writePosition != null) {
            lastPrimaryLsn = writePosition.value();
        }
    }

    /** The main node did not answer; returns how long it has been down. */
    public Duration primaryMissed(Instant observedAt) {
        lastObservedAt = observedAt;
        if (primaryDownSince == null) {
            primaryDownSince = observedAt;
        }
        failedPolls++;
        return Duration.between(primaryDownSince, observedAt);
    }

    public Lsn lastPrimaryPosition() {
        return lastPrimaryLsn == null ? null : new Lsn(lastPrimaryLsn);
    }

    public boolean failoverRequested() {
        return requestedAt != null;
    }

    public void markFailoverRequested(Instant at, String node) {
        requestedAt = at;
        requestedNode = node;
    }
}
