-- The task a delivery announces: a role change is announced once per task and webhook, also when the task's outcome
-- is folded again (a switchover that failed after its promotion and was resumed).
alter table webhook_delivery add column task_id uuid;
create unique index webhook_delivery_once_per_task on webhook_delivery (owner_id, url, task_id)
    where task_id is not null;
