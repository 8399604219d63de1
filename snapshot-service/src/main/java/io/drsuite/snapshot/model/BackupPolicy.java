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
import java.util.List;
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
}
