package io.drsuite.events.task;

import io.drsuite.events.EventType;

/**
 * Events of tasks on {@code drsuite.tasks}, keyed by task id. A requester (relationship-service, snapshot-service)
 * publishes {@link #REQUESTED}; task-service runs the task and publishes {@link #PROGRESSED} at every step and one
 * {@link #FINISHED}. A requester may ask to resume its failed task with {@link #RESUME_REQUESTED}, or to cancel its
 * task with {@link #CANCEL_REQUESTED}. Request and outcome share the topic so one task's events stay ordered.
 */
public final class TaskEvents {

    public static final EventType<TaskRequested> REQUESTED =
            EventType.of("tasks", "task", "requested", 1, TaskRequested.class);
    public static final EventType<TaskProgressed> PROGRESSED =
            EventType.of("tasks", "task", "progressed", 1, TaskProgressed.class);
    public static final EventType<TaskFinished> FINISHED =
            EventType.of("tasks", "task", "finished", 1, TaskFinished.class);

    public static final EventType<TaskResumeRequested> RESUME_REQUESTED =
            EventType.of("tasks", "task", "resume-requested", 1, TaskResumeRequested.class);

    /** The requester asks to cancel its task at the next safe point (stopping a WAL archive's streaming). */
    public static final EventType<TaskCancelRequested> CANCEL_REQUESTED =
            EventType.of("tasks", "task", "cancel-requested", 1, TaskCancelRequested.class);

    public static final String TOPIC = REQUESTED.topic();

    private TaskEvents() {
    }
}
