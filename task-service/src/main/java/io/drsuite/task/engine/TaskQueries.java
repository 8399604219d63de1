package io.drsuite.task.engine;

import io.drsuite.platform.paging.Page;
import io.drsuite.platform.paging.PageRequest;
import io.drsuite.task.model.Task;
import io.drsuite.task.model.TaskLogEntry;
import io.drsuite.task.model.TaskState;
import io.drsuite.task.model.TaskStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What users read of the tasks: a page of them, or one with its steps and its step log. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TaskQueries {

    /** A task with its steps in order and its log, oldest line first. */
    public record TaskDetail(Task task, List<TaskStep> steps, List<TaskLogEntry> log) {
    }

    /** Newest first; of one target and in one state when they are given. */
    public Page<Task> newestFirst(String target, TaskState state, PageRequest page) {
        return Task.newestFirst(target, state, page);
    }

    public Optional<TaskDetail> detail(UUID id) {
        return Task.<Task>findByIdOptional(id).map(task -> new TaskDetail(task, task.steps(), TaskLogEntry.of(id)));
    }
}
