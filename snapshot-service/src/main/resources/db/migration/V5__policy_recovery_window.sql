-- A policy may keep a recovery window: the newest base backup older than the window stays, with the WAL after it.
alter table backup_policy add column recovery_window_seconds bigint check (recovery_window_seconds > 0);
