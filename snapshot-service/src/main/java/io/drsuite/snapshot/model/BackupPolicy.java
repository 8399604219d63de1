package io.drsuite.snapshot.model;

import io.drsuite.events.snapshot.SnapshotKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Backups of one cluster on a cron schedule, kept by retention (last N, maximum age, or both). */
@Entity
@Table(name = "backup_policy")
public class BackupPolicy extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String cluster;

    @Convert(converter = SnapshotKindConverter.class)
    @Column(nullable = false)
    public SnapshotKind kind;

    public String database;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] tables = new String[0];

    /** Unix cron: minute hour day-of-month month day-of-week, in UTC. */
    @Column(nullable = false)
    public String schedule;

    @Column(name = "keep_last")
    public Integer keepLast;

    @Column(name = "max_age_seconds")
    public Long maxAgeSeconds;

    /** Physical policies: the span a point-in-time restore must still reach; null when not kept for it. */
    @Column(name = "recovery_window_seconds")
    public Long recoveryWindowSeconds;

    /** The cluster's restore objective: how long a restore test's restore may take; null when not set here. */
    @Column(name = "restore_objective_seconds")
    public Long restoreObjectiveSeconds;

    /** The cluster's backup age objective: how old its newest good snapshot may get; null when not set here. */
    @Column(name = "max_backup_age_seconds")
    public Long maxBackupAgeSeconds;

    @Column(nullable = false)
    public String storage;

    @Column(nullable = false)
    public boolean suspended;

    /** The scheduled time of the last run this service claimed (one instance runs each scheduled time). */
    @Column(name = "last_fired_at")
    public Instant lastFiredAt;

    @Column(name = "last_snapshot_id")
    public UUID lastSnapshotId;

    /** Why the last scheduled run made no snapshot, e.g. a DR rule refused it. */
    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public List<String> tableList() {
        return List.of(tables);
    }

    public Duration maxAge() {
        return maxAgeSeconds == null ? null : Duration.ofSeconds(maxAgeSeconds);
    }

    public Duration recoveryWindow() {
        return recoveryWindowSeconds == null ? null : Duration.ofSeconds(recoveryWindowSeconds);
    }

    public static List<BackupPolicy> listByName() {
        return list("order by name");
    }

    /** The cluster's restore objective: the strictest any of its policies sets; empty when none sets one. */
    public static Optional<Long> restoreObjectiveOf(String cluster) {
        return Optional.ofNullable(getEntityManager().createQuery("select min(p.restoreObjectiveSeconds) from "
                + "BackupPolicy p where p.cluster = :cluster", Long.class).setParameter("cluster", cluster)
                .getSingleResult());
    }

    /** Each cluster's backup age objective, the strictest its policies set; clusters without one are absent. */
    public static Map<String, Duration> maxBackupAgePerCluster() {
        Map<String, Duration> objectives = new HashMap<>();
        getEntityManager().createQuery("select p.cluster, min(p.maxBackupAgeSeconds) from BackupPolicy p where "
                + "p.maxBackupAgeSeconds is not null group by p.cluster", Object[].class).getResultList()
                .forEach(row -> objectives.put((String) row[0], Duration.ofSeconds((Long) row[1])));
        return objectives;
    }
}
