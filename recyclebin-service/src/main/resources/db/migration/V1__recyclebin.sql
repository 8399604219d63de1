-- recyclebin-service's view of every managed database's bin. The bin's own record (drsuite_recyclebin.entries in
-- the managed database) is the source of truth; rows here are kept after a restore or purge, as history.
create table bin_entry (
    id              uuid primary key,
    entry_id        uuid        not null,
    cluster         text        not null,
    database        text        not null,
    kind            text        not null check (kind in ('table', 'schema', 'database')),
    original_schema text,
    original_name   text        not null,
    bin_name        text        not null,
    dropped_at      timestamptz not null,
    expires_at      timestamptz not null,
    dropped_by      text        not null,
    size_bytes      bigint      not null,
    state           text        not null check (state in ('recycled', 'restored', 'purged')),
    restored_as     text,
    ended_at        timestamptz,
    unique (cluster, entry_id)
);
create index bin_entry_by_cluster on bin_entry (cluster, state, dropped_at desc);

-- Retention per cluster (default: drsuite.recyclebin.default-retention, one day).
create table bin_retention (
    cluster           text primary key,
    retention_seconds bigint      not null check (retention_seconds > 0),
    updated_at        timestamptz not null
);

-- Databases where the SQL functions (and maybe the guard) are installed.
create table sql_install (
    id              uuid primary key,
    cluster         text        not null,
    database        text        not null,
    guarded_schemas text[]      not null default '{}',
    installed_at    timestamptz not null,
    unique (cluster, database)
);
