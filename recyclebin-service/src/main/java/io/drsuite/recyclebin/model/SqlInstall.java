package io.drsuite.recyclebin.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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

/** A database where the recycle-bin SQL functions (and perhaps the guard) are installed. */
@Entity
@Table(name = "sql_install")
public class SqlInstall extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String cluster;

    @Column(nullable = false)
    public String database;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "guarded_schemas", nullable = false)
    public String[] guardedSchemas = new String[0];

    @Column(name = "installed_at", nullable = false)
    public Instant installedAt;

    public static List<SqlInstall> ofCluster(String cluster) {
        return list("cluster", cluster);
    }

    public static Optional<SqlInstall> of(String cluster, String database) {
        return find("cluster = ?1 and database = ?2", cluster, database).firstResultOptional();
    }
}
