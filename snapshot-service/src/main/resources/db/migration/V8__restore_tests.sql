-- Backup objectives of a cluster, set on its backup policies: how long a restore may take, how old its newest good
-- backup may get.
alter table backup_policy add column restore_objective_seconds bigint check (restore_objective_seconds > 0);
alter table backup_policy add column max_backup_age_seconds bigint check (max_backup_age_seconds > 0);

-- A snapshot a restore test restored and checked: retention counts it as verified.
alter table snapshot add column restore_tested_at timestamptz;
alter table snapshot add column restore_test_seconds double precision;

-- Restore test drills relationship-service hands over: one per drill, with the task that runs it.
create table restore_test (
    drill_id uuid primary key,
    task_id uuid not null unique,
    cluster text not null,
    snapshot_id uuid references snapshot (id) on delete set null,
    target text,
    state text not null check (state in ('running', 'passed', 'failed')),
    requested_at timestamptz not null,
    finished_at timestamptz,
    restore_seconds double precision,
    restore_objective_seconds bigint,
    reason text
);
create index restore_test_by_cluster on restore_test (cluster, requested_at desc);
