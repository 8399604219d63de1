package io.drsuite.relationship.routing;

import io.drsuite.events.task.DnsRoute;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The routing of one cluster or relationship (its owner, by id): the DNS name that follows its primary, with the
 * sealed TSIG key that signs the updates, and its webhooks.
 */
@Entity
@Table(name = "routing")
public class RoutingSettings extends PanacheEntityBase {

    /** The owner's id: the cluster's or the relationship's. */
    @Id
    @Column(name = "owner_id")
    public UUID ownerId;

    @Column(name = "cluster_id")
    public UUID clusterId;

    @Column(name = "relationship_id")
    public UUID relationshipId;

    @Column(name = "dns_server")
    public String dnsServer;

    @Column(name = "dns_port")
    public Integer dnsPort;

    @Column(name = "dns_zone")
    public String dnsZone;

    @Column(name = "dns_name")
    public String dnsName;

    @Column(name = "dns_ttl")
    public Integer dnsTtl;

    @Column(name = "dns_key_name")
    public String dnsKeyName;

    @Column(name = "dns_algorithm")
    public String dnsAlgorithm;

    @Column(name = "dns_secret_sealed")
    public String dnsSecretSealed;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @OneToMany(mappedBy = "owner", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<Webhook> webhooks = new ArrayList<>();

    public static Optional<RoutingSettings> forOwner(UUID ownerId) {
        return findByIdOptional(ownerId);
    }

    static RoutingSettings ofCluster(UUID clusterId) {
        RoutingSettings settings = new RoutingSettings();
        settings.ownerId = clusterId;
        settings.clusterId = clusterId;
        return settings;
    }

    static RoutingSettings ofRelationship(UUID relationshipId) {
        RoutingSettings settings = new RoutingSettings();
        settings.ownerId = relationshipId;
        settings.relationshipId = relationshipId;
        return settings;
    }

    public boolean hasDns() {
        return dnsName != null;
    }

    /** The DNS route a switchover or failover carries, with the key still sealed. */
    public Optional<DnsRoute> dnsRoute() {
        if (!hasDns()) {
            return Optional.empty();
        }
        return Optional.of(new DnsRoute(dnsServer, dnsPort, dnsZone, dnsName, dnsTtl, dnsKeyName, dnsAlgorithm,
                ownerId, dnsSecretSealed));
    }

    void clearDns() {
        dnsServer = null;
        dnsPort = null;
        dnsZone = null;
        dnsName = null;
        dnsTtl = null;
        dnsKeyName = null;
        dnsAlgorithm = null;
        dnsSecretSealed = null;
    }

    Optional<Webhook> webhook(String url) {
        return webhooks.stream().filter(webhook -> webhook.url.equals(url)).findFirst();
    }
}
