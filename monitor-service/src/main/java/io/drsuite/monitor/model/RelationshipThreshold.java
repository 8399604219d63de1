package io.drsuite.monitor.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A relationship's own lag thresholds; null means the global default. */
@Entity
@Table(name = "relationship_threshold")
public class RelationshipThreshold extends PanacheEntityBase {

    @Id
    @Column(name = "relationship_id")
    public UUID relationshipId;

    @Column(name = "lag_bytes")
    public Long lagBytes;

    @Column(name = "lag_seconds")
    public Double lagSeconds;
}
