-- Who asked for a snapshot or a restore, from the token of the request (null: a backup policy's schedule).
alter table snapshot add column requested_by text;
alter table snapshot_restore add column requested_by text;
