-- node_sample and relationship_sample become tables partitioned by sampled_at, so retention drops whole partitions
-- instead of deleting rows. monitor-service creates the time partitions ahead of time and drops the expired ones
-- (SamplePartitions, SampleRetention): their width is its configuration, unknown here. The rows of an existing
-- deployment are therefore moved into each table's default partition; monitor-service's first maintenance moves them
-- into time partitions and keeps the default partition empty after that.
--
-- Indexes: only what the API reads. Nothing reads node samples back (the API answers from the latest poll), so
-- node_sample has no key and no index: it is written once per poll and dropped a partition at a time.
-- A replica of the previous version still running during a rolling upgrade keeps working against these tables
-- (identity ids, DELETE-based retention) until it is replaced.
-- relationship_sample's key (relationship_id, sampled_at, id) is the history's index: one relationship, a time window,
-- paged by (sampled_at, id). The by-time indexes are gone: retention reads and drops whole partitions.

drop index node_sample_by_node;
drop index node_sample_by_time;
alter table node_sample rename to node_sample_unpartitioned;
alter table node_sample_unpartitioned rename constraint node_sample_pkey to node_sample_unpartitioned_pkey;
-- Frees the name node_sample_id_seq for the new table's identity.
alter table node_sample_unpartitioned alter column id drop identity;

-- Fixed-width columns first: no alignment padding between them. Nothing reads the id; it stays for the replicas of
-- the previous version during a rolling upgrade, which insert through an identity (returning id) until replaced.
create table node_sample (
    id                  bigint      generated always as identity,
    sampled_at          timestamptz not null,
    last_replay_at      timestamptz,
    slot_retained_bytes bigint,
    timeline            integer,
    reachable           boolean     not null,
    in_recovery         boolean,
    cluster_name        text        not null,
    node_name           text        not null,
    error               text,
    current_lsn         text,
    receive_lsn         text,
    replay_lsn          text,
    wal_receiver        text
) partition by range (sampled_at);

create table node_sample_default partition of node_sample default;

insert into node_sample (sampled_at, last_replay_at, slot_retained_bytes, timeline, reachable, in_recovery,
                         cluster_name, node_name, error, current_lsn, receive_lsn, replay_lsn, wal_receiver)
select sampled_at, last_replay_at, slot_retained_bytes, timeline, reachable, in_recovery,
       cluster_name, node_name, error, current_lsn, receive_lsn, replay_lsn, wal_receiver
  from node_sample_unpartitioned;

drop table node_sample_unpartitioned;

drop index relationship_sample_by_relationship;
drop index relationship_sample_by_time;
alter table relationship_sample rename to relationship_sample_unpartitioned;
alter table relationship_sample_unpartitioned
    rename constraint relationship_sample_pkey to relationship_sample_unpartitioned_pkey;
-- Frees the name relationship_sample_id_seq for the new table's identity.
alter table relationship_sample_unpartitioned alter column id drop identity;

create table relationship_sample (
    id                   bigint generated always as identity,
    sampled_at           timestamptz      not null,
    lag_bytes            bigint,
    lag_seconds          double precision,
    rpo_estimate_seconds double precision,
    relationship_id      uuid             not null,
    primary_state        text             not null,
    dr_state             text             not null,
    -- A key of a partitioned table must contain the partition key; the id keeps two samples of one instant apart.
    primary key (relationship_id, sampled_at, id)
) partition by range (sampled_at);

create table relationship_sample_default partition of relationship_sample default;

-- The samples keep their ids (the history's cursors name them); new ones continue after the highest.
insert into relationship_sample (id, sampled_at, lag_bytes, lag_seconds, rpo_estimate_seconds, relationship_id,
                                 primary_state, dr_state) overriding system value
select id, sampled_at, lag_bytes, lag_seconds, rpo_estimate_seconds, relationship_id, primary_state, dr_state
  from relationship_sample_unpartitioned;

select setval(pg_get_serial_sequence('relationship_sample', 'id'),
              coalesce((select max(id) from relationship_sample), 0) + 1, false);

drop table relationship_sample_unpartitioned;
