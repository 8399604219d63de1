-- Where a physical backup's WAL ends: a point-in-time restore from it recovers at least this far.
alter table snapshot add column end_lsn text;

-- WAL archives: one per cluster at a time is active (starting, streaming or stopping), each streamed by one
-- wal.stream task. The columns after error are the catalog's summary as last announced (WalArchiveChanged).
create table wal_archive (
    id                     uuid primary key,
    cluster                text        not null,
    storage                text        not null,
    key_prefix             text        not null,
    synchronous            boolean     not null,
    state                  text        not null
        check (state in ('starting', 'streaming', 'stopping', 'stopped', 'failed')),
    task_id                uuid        not null unique,
    requested_by           text,
    requested_at           timestamptz not null,
    stopped_at             timestamptz,
    error                  text,
    last_segment           text,
    last_segment_closed_at timestamptz,
    gaps                   text[]      not null default '{}',
    window_start           timestamptz,
    window_end             timestamptz
);
create unique index wal_archive_one_active_per_cluster on wal_archive (cluster)
    where state in ('starting', 'streaming', 'stopping');
create index wal_archive_by_cluster on wal_archive (cluster, requested_at desc);

-- The files of an archive as task-service stored them; one row per archive and file name (redeliveries and
-- re-uploads after a restart land on the same row). LSNs as bytes, so continuity is one comparison.
create table wal_file (
    archive_id  uuid        not null references wal_archive (id),
    file_name   text        not null,
    kind        text        not null check (kind in ('segment', 'history', 'partial')),
    timeline    int         not null,
    start_lsn   bigint,
    end_lsn     bigint,
    object_key  text        not null,
    size_bytes  bigint      not null,
    sha256      text        not null,
    closed_at   timestamptz not null,
    archived_at timestamptz not null,
    primary key (archive_id, file_name)
);
create index wal_file_by_position on wal_file (archive_id, timeline, start_lsn);

-- Named restore points created through the API (pg_create_restore_point), unique per cluster.
create table restore_point (
    id           uuid primary key,
    cluster      text        not null,
    name         text        not null,
    lsn          text        not null,
    timeline     int         not null,
    created_at   timestamptz not null,
    requested_by text,
    unique (cluster, name)
);

-- Point-in-time restores: the target as asked, and where recovery stopped (the finished task's artifacts).
alter table snapshot_restore add column wal_archive_id uuid;
alter table snapshot_restore add column source_cluster text;
alter table snapshot_restore add column target_kind text check (target_kind in ('time', 'lsn', 'restore-point', 'latest'));
alter table snapshot_restore add column target_value text;
alter table snapshot_restore add column pause_at_target boolean;
alter table snapshot_restore add column reached_lsn text;
alter table snapshot_restore add column reached_timeline int;
alter table snapshot_restore add column recovery_stop text;
