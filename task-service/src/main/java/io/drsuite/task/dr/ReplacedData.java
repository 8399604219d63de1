package io.drsuite.task.dr;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A data directory a DR build set aside instead of deleting it: the DR cluster's previous data, kept until
 * {@code deleteAfter} so a mistaken overwrite can be undone, then removed by {@link ReplacedDataSweep}. Recorded
 * before the move, so a crash between the two leaves a row for a folder that may not exist (harmless), never a folder
 * nobody tracks.
 */
@Entity
@Table(name = "replaced_data")
public class ReplacedData extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "task_id", nullable = false)
    public UUID taskId;

    @Column(name = "cluster_name", nullable = false)
    public String clusterName;

    @Column(name = "node_name", nullable = false)
    public String nodeName;

    @Column(nullable = false, unique = true)
    public String path;

    @Column(name = "replaced_at", nullable = false)
    public Instant replacedAt;

    @Column(name = "delete_after", nullable = false)
    public Instant deleteAfter;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    static ReplacedData of(UUID taskId, String clusterName, String nodeName, String path, Instant deleteAfter) {
        ReplacedData replaced = new ReplacedData();
        replaced.id = UUID.randomUUID();
        replaced.taskId = taskId;
        replaced.clusterName = clusterName;
        replaced.nodeName = nodeName;
        replaced.path = path;
        replaced.replacedAt = Instant.now();
        replaced.deleteAfter = deleteAfter;
        return replaced;
    }

    public static Optional<ReplacedData> findByPath(String path) {
        return find("path", path).firstResultOptional();
    }

    /** Kept data whose time is up at {@code now} and that is not deleted yet. */
    public static List<ReplacedData> due(Instant now) {
        return list("deletedAt is null and deleteAfter <= ?1 order by deleteAfter", now);
    }

    public void markDeleted() {
        deletedAt = Instant.now();
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
