package io.drsuite.relationships;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A DR relationship as a service knows it from {@code drsuite.relationships}. */
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

    /**
     * Phases in which the relationship holds both clusters: the DR copy is being built, streams, or is being moved,
     * switched or dissolved. Not {@code failed_over} (the DR side is a standalone primary until reprotect) and not
     * {@code stopped}.
     */
    private static final List<String> HOLDING = List.of("starting", "active", "switching_over", "failing_over",
            "reprotecting", "stopping", "error");

    /** Relationships whose DR copy exists and is expected to stream. */
    public static List<KnownRelationship> replicating() {
        return list("phase in ?1", List.of("active", "switching_over", "failing_over", "stopping", "error"));
    }

    /** The relationship holding {@code cluster} on either side, if any. */
    public static Optional<KnownRelationship> holding(String cluster) {
        return find("phase in ?1 and (primaryCluster = ?2 or drCluster = ?2)", HOLDING, cluster).firstResultOptional();
    }

    public boolean isDrSide(String cluster) {
        return drCluster.equals(cluster);
    }
}
