package io.drsuite.monitor.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The monitoring role of a cluster as monitor-service made or found it: its name and its password, sealed and bound
 * to the cluster ({@code SecretBinding.monitorPassword}), and the database lineage (system identifier) it lives in.
 */
@Entity
@Table(name = "monitor_login")
public class MonitorLogin extends PanacheEntityBase {

    @Id
    @Column(name = "cluster_id")
    public UUID clusterId;

    @Column(name = "system_identifier", nullable = false)
    public String systemIdentifier;

    @Column(nullable = false)
    public String username;

    @Column(name = "sealed_password", nullable = false)
    public String sealedPassword;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The login of another cluster of the same lineage, a DR copy's production cluster for instance. */
    public static Optional<MonitorLogin> ofLineage(String systemIdentifier) {
        return find("systemIdentifier = ?1 order by updatedAt desc", systemIdentifier).firstResultOptional();
    }

    /** Stores the cluster's login, replacing the one it had. */
    public static void put(UUID clusterId, String systemIdentifier, String username, String sealedPassword) {
        MonitorLogin login = findById(clusterId);
        if (login == null) {
            login = new MonitorLogin();
            login.clusterId = clusterId;
        }
        login.systemIdentifier = systemIdentifier;
        login.username = username;
        login.sealedPassword = sealedPassword;
        login.updatedAt = Instant.now();
        login.persist();
    }
}
