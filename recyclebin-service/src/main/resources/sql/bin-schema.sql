-- The recycle bin's record inside a managed database. It lives with the data: it survives a loss of
-- recyclebin-service's own database and reaches a DR cluster through replication.
create schema if not exists drsuite_recyclebin;
create table if not exists drsuite_recyclebin.entries (
    id              uuid primary key,
    kind            text        not null check (kind in ('table', 'schema', 'database')),
    database_name   text        not null,
    original_schema text,
    original_name   text        not null,
    bin_name        text        not null,
    dropped_at      timestamptz not null,
    expires_at      timestamptz not null,
    dropped_by      text        not null,
    size_bytes      bigint      not null
);
-- How long recycle_table() keeps a table; recyclebin-service writes the cluster's retention here.
create table if not exists drsuite_recyclebin.settings (
    only_row  boolean primary key default true check (only_row),
    retention interval not null
);
-- Schemas whose tables the guard keeps from a plain DROP TABLE.
create table if not exists drsuite_recyclebin.guarded_schemas (
    schema_name text primary key
);
