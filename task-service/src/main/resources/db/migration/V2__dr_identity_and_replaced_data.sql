-- The PostgreSQL system identifier a relationship's DR copy carries: production's, recorded each time the
-- relationship is (re)built, and checked before a failover promotes the DR side.
create table relationship_identity (
    relationship_id   text primary key,
    system_identifier text        not null,
    recorded_at       timestamptz not null
);

-- Data directories a DR build set aside instead of deleting them. The sweep removes each once delete_after has
-- passed and marks it deleted; the path is derived by the suite (data directory + task id), never read from a node.
create table replaced_data (
    id           uuid primary key,
    task_id      uuid        not null,
    cluster_name text        not null,
    node_name    text        not null,
    path         text        not null unique,
    replaced_at  timestamptz not null,
    delete_after timestamptz not null,
    deleted_at   timestamptz
);

create index replaced_data_due on replaced_data (delete_after) where deleted_at is null;
