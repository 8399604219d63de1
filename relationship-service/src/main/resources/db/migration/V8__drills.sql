-- Sandboxes: registered places where the suite may create and remove throwaway PostgreSQL instances (a host, how to
-- reach it, a data directory root and a port range).
create table sandbox (
    id            uuid primary key,
    name          text        not null unique,
    host          text        not null,
    data_root     text        not null,
    port_from     integer     not null check (port_from between 1024 and 65535),
    port_to       integer     not null check (port_to between 1024 and 65535),
    access_kind   text        not null check (access_kind in ('LOCAL', 'SSH')),
    os_user       text,
    ssh_host      text,
    ssh_port      integer,
    ssh_user      text,
    ssh_key_ref   text,
    registered_at timestamptz not null,
    constraint sandbox_port_range check (port_from <= port_to and port_to - port_from < 1000)
);

-- Drills: the request (relationship, sandbox, user checks, the objectives it is judged against, who asked) and the
-- result (figures, checks, step timeline, verdict). The sandbox's name is kept, not a reference: the evidence stays
-- when the sandbox is removed.
create table drill (
    id                    uuid primary key,
    kind                  text        not null check (kind in ('FAILOVER_REHEARSAL')),
    relationship_id       uuid        not null,
    relationship_name     text        not null,
    primary_cluster       text        not null,
    dr_cluster            text        not null,
    sandbox               text        not null,
    port                  integer     not null,
    data_directory        text        not null,
    state                 text        not null check (state in ('RUNNING', 'PASSED', 'FAILED')),
    task_id               uuid        not null unique,
    requested_by          text,
    correlation_id        uuid,
    requested_at          timestamptz not null,
    finished_at           timestamptz,
    rpo_objective_seconds integer,
    rto_objective_seconds integer,
    user_checks           jsonb       not null default '[]',
    timeline              jsonb       not null default '[]',
    task_state            text check (task_state in ('SUCCEEDED', 'FAILED', 'CANCELLED')),
    task_error            text,
    failed_step           text,
    rto_seconds           double precision,
    rpo_bytes             bigint,
    rpo_seconds           double precision,
    declared_at           timestamptz,
    data_point_lsn        text,
    source_pause_seconds  double precision,
    checks                jsonb       not null default '[]',
    reasons               jsonb       not null default '[]',
    constraint drill_finished check ((state = 'RUNNING') = (finished_at is null))
);

-- Concurrent drills never share a sandbox port (nor, through it, a folder), and a relationship runs one drill at a
-- time: the database refuses the second row, whatever the checks before it saw.
create unique index drill_running_port on drill (sandbox, port) where state = 'RUNNING';
create unique index drill_running_relationship on drill (relationship_id) where state = 'RUNNING';
create index drill_by_requested_at on drill (requested_at desc, id desc);
create index drill_by_relationship on drill (relationship_id, requested_at desc, id desc);
