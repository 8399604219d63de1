-- Tasks and their steps. A step's completion and its artifacts commit before the next step starts, so a task
-- resumes at its first unfinished step after a crash. A lease (owner + expiry) lets one instance run a task at a time.
create table task (
    id               uuid primary key,
    type             text        not null,
    target           text        not null,
    clusters         text[]      not null,
    parameters       jsonb       not null,
    state            text        not null check (state in ('PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    current_step     text,
    percent          integer     not null default 0 check (percent between 0 and 100),
    attempts         integer     not null default 0,
    timeout_seconds  integer     not null check (timeout_seconds > 0),
    created_at       timestamptz not null,
    started_at       timestamptz,
    deadline         timestamptz,
    finished_at      timestamptz,
    failed_step      text,
    error            text,
    rolled_back      boolean     not null default false,
    cancel_requested boolean     not null default false,
    lease_owner      text,
    lease_expires_at timestamptz
);

create index task_unfinished on task (created_at) where state in ('PENDING', 'RUNNING');
create index task_target on task (target, created_at);

create table task_step (
    task_id     uuid        not null references task (id) on delete cascade,
    position    integer     not null,
    name        text        not null,
    state       text        not null check (state in ('PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'ROLLED_BACK')),
    on_failure  text        not null check (on_failure in ('ROLLBACK', 'RESUME')),
    attempts    integer     not null default 0,
    started_at  timestamptz,
    finished_at timestamptz,
    artifacts   jsonb       not null default '{}',
    error       text,
    primary key (task_id, position)
);

-- What each step did, in words a user can read.
create table task_log (
    id      bigint generated always as identity primary key,
    task_id uuid        not null references task (id) on delete cascade,
    step    text,
    at      timestamptz not null default now(),
    message text        not null
);

create index task_log_by_task on task_log (task_id, id);
