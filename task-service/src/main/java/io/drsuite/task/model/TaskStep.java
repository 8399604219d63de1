package io.drsuite.task.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One step of a task, with what it produced (an LSN, a timeline, a setting it backed up). */
@Entity
@Table(name = "task_step")
@IdClass(TaskStep.Key.class)
public class TaskStep extends PanacheEntityBase {

    @Id
    @Column(name = "task_id")
    public UUID taskId;

    @Id
    public int position;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StepState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "on_failure", nullable = false)
    public FailurePolicy onFailure;

    public int attempts;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> artifacts = new HashMap<>();

    public String error;

    /** The composite key: task and position. */
    public record Key(UUID taskId, int position) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
