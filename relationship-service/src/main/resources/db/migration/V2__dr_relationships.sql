-- DR relationships: request (clusters, sync mode, timeout) and observed state (phase, per-cluster gs_ddr state,
-- the task in flight). Phase and states change only when task events are folded in.
create table relationship (
    id                        uuid primary key,
    name                      text        not null unique,
    primary_cluster           text        not null,
    dr_cluster                text        not null,
    sync_mode                 text        not null check (sync_mode in ('ASYNC', 'SYNC')),
    timeout_seconds           integer     not null check (timeout_seconds > 0),
    phase                     text        not null,
    primary_state             text        not null,
    dr_state                  text        not null,
    current_task_id           uuid,
    current_task_type         text,
    current_step              text,
    task_percent              integer     not null default 0,
    switchover_percent        integer,
    failover_percent          integer,
    last_error                text,
    estimated_data_loss_bytes bigint,
    created_at                timestamptz not null,
    updated_at                timestamptz not null
);

-- A cluster belongs to at most one relationship that is not stopped; the primary key makes two concurrent
-- requests for the same cluster collide in the database, not only in a check.
create table relationship_cluster (
    cluster_name    text primary key,
    relationship_id uuid not null references relationship (id) on delete cascade
);
