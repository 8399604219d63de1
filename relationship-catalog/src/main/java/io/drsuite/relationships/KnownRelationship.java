package io.drsuite.relationships;

import io.drsuite.events.relationship.RelationshipPhase;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

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

    /** The relationship's RPO objective; null when not set. */
    @Column(name = "rpo_objective_seconds")
    public Integer rpoObjectiveSeconds;

    /** The relationship's RTO objective; null when not set. */
    @Column(name = "rto_objective_seconds")
    public Integer rtoObjectiveSeconds;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** Relationships whose DR copy exists and is expected to stream. */
    public static List<KnownRelationship> replicating() {
        return list("phase in ?1", phasesWhere(RelationshipPhase::isReplicating));
    }

    /** The relationship holding {@code cluster} on either side, if any. */
    public static Optional<KnownRelationship> holding(String cluster) {
        return find("phase in ?1 and (primaryCluster = ?2 or drCluster = ?2)",
                phasesWhere(RelationshipPhase::holdsClusters), cluster).firstResultOptional();
    }

    /** The phase as relationship-service announced it ({@link #phase} keeps its word). */
    public RelationshipPhase phase() {
        return RelationshipPhase.fromWire(phase);
    }

    public boolean isDrSide(String cluster) {
        return drCluster.equals(cluster);
    }

    /** The words of the phases that pass the test, as the {@code phase} column holds them. */
    private static List<String> phasesWhere(Predicate<RelationshipPhase> test) {
        return Arrays.stream(RelationshipPhase.values()).filter(test).map(RelationshipPhase::wireName).toList();
    }
}
