-- The gs_ddr state of each side is stored by its enum name (ARCHIVE, RECOVERY_FAIL, ...), as the phase is; the API
-- and the events still show the lower-case gs_ddr word.
update relationship set primary_state = upper(primary_state), dr_state = upper(dr_state);
alter table relationship
    add constraint relationship_primary_state_check check (primary_state in ('NORMAL', 'FULL_BACKUP', 'ARCHIVE',
        'BACKUP_FAIL', 'ARCHIVE_FAIL', 'SWITCHOVER', 'RESTORE', 'RESTORE_FAIL', 'RECOVERY', 'RECOVERY_FAIL', 'PROMOTE',
        'PROMOTE_FAIL')),
    add constraint relationship_dr_state_check check (dr_state in ('NORMAL', 'FULL_BACKUP', 'ARCHIVE', 'BACKUP_FAIL',
        'ARCHIVE_FAIL', 'SWITCHOVER', 'RESTORE', 'RESTORE_FAIL', 'RECOVERY', 'RECOVERY_FAIL', 'PROMOTE',
        'PROMOTE_FAIL'));
