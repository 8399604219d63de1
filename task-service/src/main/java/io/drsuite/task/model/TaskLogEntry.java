package io.drsuite.task.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A line of a task's step log. */
@Entity
@Table(name = "task_log")
public class TaskLogEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "task_id", nullable = false)
    public UUID taskId;

    public String step;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String message;

    public static List<TaskLogEntry> of(UUID taskId) {
        return list("taskId = ?1 order by id", taskId);
    }
}
