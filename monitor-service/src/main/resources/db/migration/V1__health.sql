-- monitor-service's projection of DR relationships, from drsuite.relationships.
create table known_relationship (
    id              uuid primary key,
    name            text        not null,
    phase           text        not null,
    primary_cluster text        not null,
    dr_cluster      text        not null,
    sync_mode       text        not null,
    changed_at      timestamptz not null
);

-- One row per node per poll: what the node said about itself, or that it did not answer.
create table node_sample (
    id                 bigint generated always as identity primary key,
    cluster_name       text        not null,
    node_name          text        not null,
    sampled_at         timestamptz not null,
    reachable          boolean     not null,
    error              text,
    in_recovery        boolean,
    timeline           integer,
    current_lsn        text,
    receive_lsn        text,
    replay_lsn         text,
    last_replay_at     timestamptz,
    wal_receiver       text,
    slot_retained_bytes bigint
);

create index node_sample_by_node on node_sample (cluster_name, node_name, sampled_at desc);
create index node_sample_by_time on node_sample (sampled_at);

-- One row per relationship per poll: how far the DR main standby is behind the primary.
create table relationship_sample (
    id                   bigint generated always as identity primary key,
    relationship_id      uuid        not null,
    sampled_at           timestamptz not null,
    lag_bytes            bigint,
    lag_seconds          double precision,
    rpo_estimate_seconds double precision,
    primary_state        text        not null,
    dr_state             text        not null
);

create index relationship_sample_by_relationship on relationship_sample (relationship_id, sampled_at desc);
create index relationship_sample_by_time on relationship_sample (sampled_at);
