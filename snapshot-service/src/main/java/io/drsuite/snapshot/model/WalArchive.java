package io.drsuite.snapshot.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A cluster's WAL streamed into a storage location by one {@code wal.stream} task. Its {@link WalArchiveState}
 * follows the task; the summary (last segment, gaps, recovery window) is the catalog's as last announced.
 */
@Entity
@Table(name = "wal_archive")
public class WalArchive extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String cluster;

    @Column(nullable = false)
    public String storage;

    @Column(name = "key_prefix", nullable = false)
    public String keyPrefix;

    @Column(nullable = false)
    public boolean synchronous;

    @Convert(converter = WalArchiveStateConverter.class)
    @Column(nullable = false)
    public WalArchiveState state;

    @Column(name = "task_id", nullable = false)
    public UUID taskId;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "stopped_at")
    public Instant stoppedAt;

    public String error;

    @Column(name = "last_segment")
    public String lastSegment;

    @Column(name = "last_segment_closed_at")
    public Instant lastSegmentClosedAt;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] gaps = new String[0];

    @Column(name = "window_start")
    public Instant windowStart;

    @Column(name = "window_end")
    public Instant windowEnd;

    /** Files were recorded since the summary (last segment, gaps, window) was computed. */
    @Column(name = "summary_stale", nullable = false)
    public boolean summaryStale;

    public List<String> gapList() {
        return List.of(gaps);
    }

    /** Its stream task ran a step: WAL is flowing. */
    public void setAsStreaming() {
        if (state == WalArchiveState.STARTING) {
            state = WalArchiveState.STREAMING;
        }
    }

    /** Switched off: its stream task is asked to stop and ends soon. */
    public void setAsStopping() {
        state = WalArchiveState.STOPPING;
    }

    /** Its stream task ended after a cancel (or ended by itself): nothing streams any more. */
    public void setAsStopped(Instant at) {
        state = WalArchiveState.STOPPED;
        stoppedAt = at;
    }

    public void setAsFailed(Instant at, String reason) {
        state = WalArchiveState.FAILED;
        stoppedAt = at;
        error = reason;
    }

    /**
     * Takes the catalog's new summary.
     *
     * @return whether any of it changed (and so must be announced)
     */
    public boolean summarize(String newestSegment, Instant newestClosedAt, List<String> newGaps, Instant start,
            Instant end) {
        boolean changed = !Objects.equals(lastSegment, newestSegment) || !gapList().equals(newGaps)
                || !Objects.equals(windowStart, start) || !Objects.equals(windowEnd, end);
        lastSegment = newestSegment;
        lastSegmentClosedAt = newestClosedAt;
        gaps = newGaps.toArray(String[]::new);
        windowStart = start;
        windowEnd = end;
        return changed;
    }

    public static Optional<WalArchive> byTask(UUID taskId) {
        return find("taskId", taskId).firstResultOptional();
    }

    /** The archives whose summary waits for a recomputation. */
    public static List<UUID> withStaleSummary() {
        return getEntityManager().createQuery("select a.id from WalArchive a where a.summaryStale", UUID.class)
                .getResultList();
    }

    public static WalArchive locked(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Serializes switching on archives of one cluster until the transaction ends, so two requests at once cannot
     * both find no active archive.
     */
    public static void lockCluster(String cluster) {
        getEntityManager().createNativeQuery("select 1 from (select pg_advisory_xact_lock("
                + "hashtext('wal-archive:' || ?1))) as locked")
                .setParameter(1, cluster).getSingleResult();
    }

    /** The cluster's archive whose task has not ended. */
    public static Optional<WalArchive> activeOf(String cluster) {
        return find("cluster = ?1 and state in ?2 ", cluster, List.of(WalArchiveState.STARTING,
                WalArchiveState.STREAMING, WalArchiveState.STOPPING)).firstResultOptional();
    }

    /** The cluster's archive a restore reads: the active one, or else the newest. */
    public static Optional<WalArchive> currentOf(String cluster) {
        return activeOf(cluster).or(() -> find("cluster = ?1 order by requestedAt desc", cluster)
                .firstResultOptional());
    }

    /** Every archive, or a cluster's, newest first. */
    public static List<WalArchive> newestFirst(String cluster) {
        return cluster == null ? list("order by requestedAt desc, id desc")
                : list("cluster = ?1 order by requestedAt desc, id desc", cluster);
    }

    public static List<WalArchive> ofCluster(String cluster) {
        return list("cluster", cluster);
    }
}
