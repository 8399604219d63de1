package io.drsuite.snapshot.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A named point in a cluster's WAL ({@code pg_create_restore_point}) a point-in-time restore can aim at. */
@Entity
@Table(name = "restore_point")
public class RestorePoint extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String cluster;

    @Column(nullable = false)
    public String name;

    /** Where the restore point's WAL record was written. */
    @Column(nullable = false)
    public String lsn;

    @Column(nullable = false)
    public int timeline;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "requested_by")
    public String requestedBy;

    public static Optional<RestorePoint> named(String cluster, String name) {
        return find("cluster = ?1 and name = ?2", cluster, name).firstResultOptional();
    }

    /** Every restore point, or a cluster's, newest first. */
    public static List<RestorePoint> newestFirst(String cluster) {
        return cluster == null ? list("order by createdAt desc, id desc")
                : list("cluster = ?1 order by createdAt desc, id desc", cluster);
    }
}
