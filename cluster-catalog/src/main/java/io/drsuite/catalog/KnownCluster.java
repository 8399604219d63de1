package io.drsuite.catalog;

import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.events.cluster.NodeRole;
import io.drsuite.events.cluster.SealedLogin;
import io.drsuite.platform.paging.Page;
import io.drsuite.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A registered cluster as this service knows it from the registry's events.
 */
@Entity
@Table(name = "known_cluster")
public class KnownCluster extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String name;

    @Column(name = "server_version", nullable = false)
    public String serverVersion;

    @Column(name = "major_version", nullable = false)
    public int majorVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<ClusterNode> nodes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "admin_login", nullable = false)
    public SealedLogin adminLogin;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "replication_login", nullable = false)
    public SealedLogin replicationLogin;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    /**
     * The node registered as primary (registration accepts exactly one): the primary of a production cluster, the
     * main standby of a DR cluster.
     */
    public ClusterNode mainNode() {
        return nodes.stream().filter(node -> node.role() == NodeRole.PRIMARY).findFirst()
                .orElseThrow(() -> new IllegalStateException("cluster " + name + " has no main node"));
    }

    public static Optional<KnownCluster> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    public static List<KnownCluster> listByName() {
        return list("order by name");
    }

    /** A page in name order (names are unique), after the name the request continues from. */
    public static Page<KnownCluster> pageByName(PageRequest page) {
        PanacheQuery<KnownCluster> query = page.after() == null ? find("order by name")
                : find("name > ?1 order by name", page.after());
        return Page.of(query.page(0, page.limit() + 1).list(), page, cluster -> cluster.name);
    }
}
