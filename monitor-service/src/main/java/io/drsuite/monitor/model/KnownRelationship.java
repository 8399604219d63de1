package io.drsuite.monitor.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A DR relationship as monitor-service knows it from {@code drsuite.relationships}. */
@Entity
@Table(name = "known_relationship")
public class KnownRelationship extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String phase;

    @Column(name = "primary_cluster", nullable = false)
    public String primaryCluster;

    @Column(name = "dr_cluster", nullable = false)
    public String drCluster;

    @Column(name = "sync_mode", nullable = false)
    public String syncMode;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** Relationships whose DR copy exists and is expected to stream. */
    public static List<KnownRelationship> replicating() {
        return list("phase in ?1", List.of("active", "switching_over", "failing_over", "stopping", "error"));
    }
}
