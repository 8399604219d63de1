package io.drsuite.relationship.model;

import io.drsuite.events.cluster.HostAccess;
import io.drsuite.events.cluster.HostAccessKind;
import io.drsuite.events.cluster.NodeRole;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Optional;
import java.util.UUID;

/**
 * One server of a registered cluster and how to reach its host for file-level work.
 */
@Entity
@Table(name = "cluster_node")
public class ClusterNodeEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "cluster_id")
    public Cluster cluster;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String host;

    @Column(nullable = false)
    public int port;

    @Column(name = "data_directory", nullable = false)
    public String dataDirectory;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NodeRole role;

    @Enumerated(EnumType.STRING)
    @Column(name = "access_kind", nullable = false)
    public HostAccessKind accessKind;

    @Column(name = "os_user")
    public String osUser;

    @Column(name = "ssh_host")
    public String sshHost;

    @Column(name = "ssh_port")
    public Integer sshPort;

    @Column(name = "ssh_user")
    public String sshUser;

    @Column(name = "ssh_key_ref")
    public String sshKeyRef;

    /** How the suite reaches this node's host, as the event contract carries it. */
    public HostAccess access() {
        return new HostAccess(accessKind, osUser, sshHost, sshPort, sshUser, sshKeyRef);
    }

    public static Optional<ClusterNodeEntity> findByAddress(String host, int port) {
        return find("host = ?1 and port = ?2", host, port).firstResultOptional();
    }
}
