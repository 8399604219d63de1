-- This service's projection of the cluster registry, written only by the drsuite.clusters consumer.
create table known_cluster (
    id                uuid primary key,
    name              text        not null unique,
    server_version    text        not null,
    major_version     integer     not null,
    nodes             jsonb       not null,
    admin_login       jsonb       not null,
    replication_login jsonb       not null,
    registered_at     timestamptz not null
);
