package io.drsuite.relationship.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Optional;
import java.util.UUID;

/** A cluster's membership in a relationship that is not stopped: at most one per cluster. */
@Entity
@Table(name = "relationship_cluster")
public class RelationshipCluster extends PanacheEntityBase {

    @Id
    @Column(name = "cluster_name")
    public String clusterName;

    @Column(name = "relationship_id", nullable = false)
    public UUID relationshipId;

    public static Optional<RelationshipCluster> of(String clusterName) {
        return findByIdOptional(clusterName);
    }

    public static void claim(String clusterName, UUID relationshipId) {
        RelationshipCluster claim = new RelationshipCluster();
        claim.clusterName = clusterName;
        claim.relationshipId = relationshipId;
        claim.persist();
    }

    public static void releaseAll(UUID relationshipId) {
        delete("relationshipId", relationshipId);
    }
}
