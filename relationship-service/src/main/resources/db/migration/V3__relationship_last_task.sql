-- The relationship's last finished task and how it ended, so a task that failed resumably can be resumed through
-- the relationship (which then follows it again) instead of behind its back.
alter table relationship
    add column last_task_id      uuid,
    add column last_task_type    text,
    add column last_task_outcome text;
