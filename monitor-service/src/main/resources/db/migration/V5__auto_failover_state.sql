-- The automatic failover decision of each relationship, shared by every monitor-service instance: since when the
-- primary is seen down, how many polls in a row found it down, the last lag seen while it answered, and whether a
-- failover was already requested for this outage. A restart or a second replica continues from here.
create table auto_failover_state (
    relationship_id    uuid primary key,
    last_observed_at   timestamptz,
    primary_down_since timestamptz,
    failed_polls       integer     not null default 0 check (failed_polls >= 0),
    last_lag_bytes     bigint,
    requested_at       timestamptz
);
