-- Alerts: raised once when a rule has been breached for raise-after polls, resolved once after resolve-after
-- polls without a breach. At most one firing alert per rule and subject.
create table alert (
    id              uuid primary key,
    rule            text        not null,
    subject         text        not null,
    relationship_id uuid,
    state           text        not null check (state in ('FIRING', 'RESOLVED')),
    detail          text        not null,
    raised_at       timestamptz not null,
    resolved_at     timestamptz
);

create unique index alert_one_firing on alert (rule, subject) where state = 'FIRING';
create index alert_by_time on alert (raised_at desc);

-- Per-relationship thresholds; a missing value means the global default.
create table relationship_threshold (
    relationship_id uuid primary key,
    lag_bytes       bigint,
    lag_seconds     double precision
);
