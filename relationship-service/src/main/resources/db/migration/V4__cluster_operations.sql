-- Operations inside one cluster (node switchover, failover, rebuild, add): the one running now, one per cluster at a
-- time, and the last one that ended; and the cluster's local synchronous standbys (synchronous_standby_names).
alter table cluster
    add column operation_task_id       uuid,
    add column operation_type          text,
    add column operation_node          text,
    add column operation_step          text,
    add column operation_percent       integer not null default 0,
    add column operation_started_at    timestamptz,
    add column last_operation_task_id  uuid,
    add column last_operation_type     text,
    add column last_operation_node     text,
    add column last_operation_result   text check (last_operation_result in ('SUCCEEDED', 'FAILED', 'CANCELLED')),
    add column last_operation_error    text,
    -- a failed task that did not roll back can be resumed at its failed step, through the cluster
    add column last_operation_rolled_back boolean not null default false,
    add column last_operation_ended_at timestamptz,
    add column sync_standby_count      integer not null default 0 check (sync_standby_count >= 0),
    -- node names separated by commas (names are letters, digits and '-')
    add column sync_standby_nodes      text    not null default '',
    add constraint cluster_operation_complete check ((operation_task_id is null) = (operation_type is null));
