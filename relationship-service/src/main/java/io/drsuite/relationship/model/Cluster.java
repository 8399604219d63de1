package io.drsuite.relationship.model;

import io.drsuite.events.cluster.NodeRole;
import io.drsuite.platform.paging.Page;
import io.drsuite.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
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
 * A registered PostgreSQL cluster: a primary and its local standbys, with the logins the suite uses on it.
 */
@Entity
@Table(name = "cluster")
public class Cluster extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String name;

    @Column(name = "server_version", nullable = false)
    public String serverVersion;

    @Column(name = "major_version", nullable = false)
    public int majorVersion;

    /** pg_control's system identifier, shared by a primary and every standby built from it. */
    @Column(name = "system_identifier", nullable = false)
    public String systemIdentifier;

    @Column(name = "admin_username", nullable = false)
    public String adminUsername;

    @Column(name = "admin_password_sealed", nullable = false)
    public String adminPasswordSealed;

    @Column(name = "replication_username", nullable = false)
    public String replicationUsername;

    @Column(name = "replication_password_sealed", nullable = false)
    public String replicationPasswordSealed;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @OneToMany(mappedBy = "cluster", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<ClusterNodeEntity> nodes = new ArrayList<>();

    public static Optional<Cluster> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    /** A page of the registry in name order (names are unique), after the name the request continues from. */
    public static Page<Cluster> pageByName(PageRequest page) {
        PanacheQuery<Cluster> query = page.after() == null ? find("order by name")
                : find("name > ?1 order by name", page.after());
        return Page.of(query.page(0, page.limit() + 1).list(), page, cluster -> cluster.name);
    }

    /**
     * The node registered as primary (registration accepts exactly one): the primary while the cluster is
     * production, the main standby while it is the DR side.
     */
    public ClusterNodeEntity mainNode() {
        return nodes.stream().filter(node -> node.role == NodeRole.PRIMARY).findFirst()
                .orElseThrow(() -> new IllegalStateException("cluster " + name + " has no main node"));
    }

    public void addNode(ClusterNodeEntity node) {
        node.cluster = this;
        node.position = nodes.size();
        nodes.add(node);
    }
}
