package io.drsuite.relationship.drill;

import io.drsuite.events.cluster.HostAccess;
import io.drsuite.events.cluster.HostAccessKind;
import io.drsuite.platform.paging.Page;
import io.drsuite.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A registered sandbox: a host, how to reach it, a data directory root and a port range where the suite may create
 * and remove throwaway PostgreSQL instances (the copies drills promote). Never a registered cluster's node.
 */
@Entity
@Table(name = "sandbox")
public class Sandbox extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String name;

    @Column(nullable = false)
    public String host;

    @Column(name = "data_root", nullable = false)
    public String dataRoot;

    @Column(name = "port_from", nullable = false)
    public int portFrom;

    @Column(name = "port_to", nullable = false)
    public int portTo;

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

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    public static Optional<Sandbox> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    /** The sandbox, its row locked until the transaction ends: its ports are handed out one drill at a time. */
    public static Optional<Sandbox> findByNameForUpdate(String name) {
        return find("name", name).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public static Page<Sandbox> pageByName(PageRequest page) {
        PanacheQuery<Sandbox> query = page.after() == null ? find("order by name")
                : find("name > ?1 order by name", page.after());
        return Page.of(query.page(0, page.limit() + 1).list(), page, sandbox -> sandbox.name);
    }

    public HostAccess access() {
        return new HostAccess(accessKind, osUser, sshHost, sshPort, sshUser, sshKeyRef);
    }

    public boolean holdsPort(int port) {
        return port >= portFrom && port <= portTo;
    }

    /** Whether the directory and the data root are one inside the other (or the same). */
    public boolean overlapsDirectory(String directory) {
        Path root = Path.of(dataRoot);
        Path other = Path.of(directory).normalize();
        return root.startsWith(other) || other.startsWith(root);
    }

    /** The folder a drill's copy is made in, below the data root. */
    public String drillDirectory(UUID drillId) {
        return Path.of(dataRoot).resolve("drill-" + drillId).toString();
    }
}
