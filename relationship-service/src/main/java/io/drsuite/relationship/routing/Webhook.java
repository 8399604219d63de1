package io.drsuite.relationship.routing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/** A URL told of every role change of its owner, with the sealed key that signs the calls. */
@Entity
@Table(name = "routing_webhook")
public class Webhook extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "owner_id")
    public RoutingSettings owner;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String url;

    @Column(name = "secret_sealed", nullable = false)
    public String secretSealed;
}
