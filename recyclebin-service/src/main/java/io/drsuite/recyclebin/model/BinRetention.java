package io.drsuite.recyclebin.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** How long a cluster's recycled objects are kept; clusters without a row use the service's default. */
@Entity
@Table(name = "bin_retention")
public class BinRetention extends PanacheEntityBase {

    @Id
    public String cluster;

    @Column(name = "retention_seconds", nullable = false)
    public long retentionSeconds;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
