-- A file recorded marks its archive's summary stale; a scheduled pass recomputes it, once for however many files
-- arrived meanwhile, instead of once per file.
alter table wal_archive add column summary_stale boolean not null default false;
create index wal_archive_summary_stale on wal_archive (id) where summary_stale;
