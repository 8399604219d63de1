package io.drsuite.task.dr;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * The system identifier a relationship's DR copy must carry (production's, as the last build saw it). A failover
 * checks the DR node against it before it touches production: a DR node of another cluster must never be promoted
 * in production's place.
 */
@Entity
@Table(name = "relationship_identity")
public class RelationshipIdentity extends PanacheEntityBase {

    @Id
    @Column(name = "relationship_id")
    public String relationshipId;

    @Column(name = "system_identifier", nullable = false)
    public String systemIdentifier;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** Records (or replaces) the identifier, in a transaction of its own. */
    public static void remember(String relationshipId, String systemIdentifier) {
        QuarkusTransaction.requiringNew().run(() -> {
            RelationshipIdentity identity = RelationshipIdentity.<RelationshipIdentity>findByIdOptional(
                    relationshipId).orElseGet(() -> {
                        RelationshipIdentity created = new RelationshipIdentity();
                        created.relationshipId = relationshipId;
                        return created;
                    });
            identity.systemIdentifier = systemIdentifier;
            identity.recordedAt = Instant.now();
            identity.persist();
        });
    }

    public static Optional<String> recorded(String relationshipId) {
        return QuarkusTransaction.requiringNew().call(() -> RelationshipIdentity
                .<RelationshipIdentity>findByIdOptional(relationshipId).map(identity -> identity.systemIdentifier));
    }
}
