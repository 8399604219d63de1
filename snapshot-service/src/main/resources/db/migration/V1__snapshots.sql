-- The snapshot catalog: one row per backup, from request to completion, verification and deletion.
create table snapshot (
    id             uuid primary key,
    cluster        text        not null,
    kind           text        not null check (kind in ('physical', 'logical')),
    database       text,
    tables         text[]      not null default '{}',
    storage        text        not null,
    object_key     text        not null,
    label          text,
    policy_id      uuid,
    major_version  int         not null,
    phase          text        not null check (phase in ('running', 'completed', 'failed', 'corrupt')),
    task_id        uuid        not null unique,
    percent        int         not null default 0,
    size_bytes     bigint,
    sha256         text,
    start_lsn      text,
    timeline       int,
    consistent_at  timestamptz,
    requested_at   timestamptz not null,
    completed_at   timestamptz,
    error          text,
    verify_task_id uuid unique,
    verified_at    timestamptz,
    verify_result  text check (verify_result in ('running', 'ok', 'corrupt', 'failed')),
    verify_detail  text
);
create index snapshot_by_cluster on snapshot (cluster, requested_at desc);
create index snapshot_by_policy on snapshot (policy_id, requested_at desc);

-- Restores, kept after their snapshot is deleted (no foreign key on purpose: the history stays).
create table snapshot_restore (
    id              uuid primary key,
    snapshot_id     uuid        not null,
    kind            text        not null,
    target_cluster  text        not null,
    target_database text,
    target_node     text,
    tables          text[]      not null default '{}',
    replace_data    boolean     not null,
    phase           text        not null check (phase in ('running', 'completed', 'failed')),
    task_id         uuid        not null unique,
    percent         int         not null default 0,
    requested_at    timestamptz not null,
    finished_at     timestamptz,
    error           text
);
create index snapshot_restore_by_snapshot on snapshot_restore (snapshot_id, requested_at desc);

-- Scheduled backups with retention.
create table backup_policy (
    id               uuid primary key,
    name             text        not null unique,
    cluster          text        not null,
    kind             text        not null check (kind in ('physical', 'logical')),
    database         text,
    tables           text[]      not null default '{}',
    schedule         text        not null,
    keep_last        int check (keep_last > 0),
    max_age_seconds  bigint check (max_age_seconds > 0),
    storage          text        not null,
    suspended        boolean     not null default false,
    last_fired_at    timestamptz,
    last_snapshot_id uuid,
    last_error       text,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    check (keep_last is not null or max_age_seconds is not null)
);
