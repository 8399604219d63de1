-- The WAL archives snapshot-service announces on drsuite.wal-archives, as last announced: the alert rules read them
-- each poll (a gap in an archive, an archive whose streaming is not connected to its cluster's main node).
create table wal_archive_status (
    archive_id             uuid primary key,
    cluster                text        not null,
    state                  text        not null,
    last_segment           text,
    last_segment_closed_at timestamptz,
    gaps                   text[]      not null,
    announced_at           timestamptz not null
);
