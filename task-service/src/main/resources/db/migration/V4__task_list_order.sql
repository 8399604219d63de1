-- GET /api/v1/tasks reads newest first, a page at a time after the (created_at, id) of the last task it returned.
create index task_by_time on task (created_at, id);
