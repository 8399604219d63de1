-- Who asked for a task, and the correlation id that links it to the request and to every event it causes.
alter table task add column requested_by text;
alter table task add column correlation_id uuid;
