-- GET /api/v1/snapshots and GET /api/v1/snapshots/{id}/restores read newest first, a page at a time after the
-- (requested_at, id) of the last entry they returned.
create index snapshot_by_time on snapshot (requested_at desc, id desc);
drop index snapshot_restore_by_snapshot;
create index snapshot_restore_by_snapshot on snapshot_restore (snapshot_id, requested_at desc, id desc);
