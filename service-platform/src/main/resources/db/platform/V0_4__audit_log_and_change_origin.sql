-- The origin of each event's change, relayed as CloudEvents extension headers (ce_correlationid, ce_requestedby).
alter table event_outbox add column correlation_id uuid;
alter table event_outbox add column requested_by text;

-- The audit log: every request that changes something, accepted or refused, and the changes made on a request's
-- behalf from its events. Append-only and tamper-evident: each row's hash covers its content and the previous row's
-- hash, so an edited, inserted or removed row breaks the chain (GET /api/v1/audit/verification).
create table audit_record (
    id             bigint generated always as identity primary key,
    recorded_at    timestamptz not null,
    service        text        not null,
    operation      text        not null,
    target         text,
    outcome        text        not null check (outcome in ('accepted', 'refused', 'failed')),
    status         integer,
    problem        text,
    reason         text,
    task_id        uuid,
    correlation_id uuid,
    actor_name     text        not null,
    actor_subject  text,
    actor_roles    text        not null default '',
    client         text,
    client_address text,
    detail         text,
    previous_hash  text        not null,
    hash           text        not null unique
);

create index audit_record_recorded_at on audit_record (recorded_at);
create index audit_record_actor on audit_record (actor_name, id);
create index audit_record_target on audit_record (target, id);
create index audit_record_correlation on audit_record (correlation_id);

-- Rows are never changed, and removed only by the retention pruning, which says so for its transaction. (A database
-- owner can still switch this off; the hash chain is what shows it.)
create function audit_record_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and coalesce(current_setting('drsuite.audit_pruning', true), '') = 'on' then
        return old;
    end if;
    raise exception 'audit records are append-only (% refused)', tg_op;
end
$$;

create trigger audit_record_append_only before update or delete on audit_record
    for each row execute function audit_record_append_only();
