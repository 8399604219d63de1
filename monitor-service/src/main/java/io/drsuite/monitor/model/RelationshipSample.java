package io.drsuite.monitor.model;

import io.drsuite.monitor.health.RelationshipHealth;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One poll's view of one relationship: lag, RPO estimate and the gs_ddr health words, as the history reads it back.
 * {@link io.drsuite.monitor.samples.SampleWriter} writes them; the id comes from the table's identity.
 */
@Entity
@Immutable
@Table(name = "relationship_sample")
public class RelationshipSample extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "relationship_id", nullable = false)
    public UUID relationshipId;

    @Column(name = "sampled_at", nullable = false)
    public Instant sampledAt;

    @Column(name = "lag_bytes")
    public Long lagBytes;

    @Column(name = "lag_seconds")
    public Double lagSeconds;

    @Column(name = "rpo_estimate_seconds")
    public Double rpoEstimateSeconds;

    @Column(name = "primary_state", nullable = false)
    public String primaryState;

    @Column(name = "dr_state", nullable = false)
    public String drState;
}
