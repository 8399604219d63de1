-- Drill plans: a relationship's drill on a sandbox with its user checks, started on a cron schedule (UTC). The
-- scheduler claims a due plan with a row lock (select ... for update skip locked) and advances next_run_at in the
-- transaction that stores the drill, so each due time starts at most one drill whatever the number of replicas.
-- The relationship and the sandbox are kept by name, as a drill request names them; a plan whose relationship or
-- sandbox went away records the refusal in last_error at each due time.
create table drill_plan (
    id            uuid primary key,
    name          text        not null unique,
    relationship  text        not null,
    sandbox       text        not null,
    schedule      text        not null,
    user_checks   jsonb       not null default '[]',
    suspended     boolean     not null default false,
    next_run_at   timestamptz,
    last_run_at   timestamptz,
    last_drill_id uuid,
    last_error    text,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);

create index drill_plan_due on drill_plan (next_run_at) where not suspended;

-- The plan that started a drill (null for a drill somebody asked for); its name, so the evidence stays when the plan
-- is deleted.
alter table drill add column plan text;
