-- Opt-in automatic failover inside one cluster (to one of its own standbys), per registered cluster. Off unless a
-- row says enabled.
create table local_failover_policy (
    cluster_id           uuid primary key,
    enabled              boolean     not null,
    primary_down_seconds integer     not null check (primary_down_seconds > 0),
    max_lag_bytes        bigint      not null check (max_lag_bytes >= 0),
    last_requested_at    timestamptz,
    last_requested_node  text
);

-- The local failover decision of each cluster whose policy is on, shared by every monitor-service instance: which
-- node was the main node, since when it is seen down, how many polls in a row, the primary's last write position
-- while it answered, and whether (and to which node) a failover was requested for this outage. A restart or a
-- second replica continues from here; a new main node starts it afresh.
create table local_failover_state (
    cluster_id         uuid primary key,
    main_node          text,
    last_observed_at   timestamptz,
    primary_down_since timestamptz,
    failed_polls       integer     not null default 0 check (failed_polls >= 0),
    last_primary_lsn   bigint,
    requested_at       timestamptz,
    requested_node     text
);
