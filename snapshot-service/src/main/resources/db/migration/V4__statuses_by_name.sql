-- Kinds, phases and verification results are stored by their enum names, as task-service stores a task's state
-- (PHYSICAL, RUNNING, OK, ...); the API and the events still show them in lower case.
alter table snapshot
    drop constraint snapshot_kind_check,
    drop constraint snapshot_phase_check,
    drop constraint snapshot_verify_result_check;
update snapshot set kind = upper(kind), phase = upper(phase), verify_result = upper(verify_result);
alter table snapshot
    add constraint snapshot_kind_check check (kind in ('PHYSICAL', 'LOGICAL')),
    add constraint snapshot_phase_check check (phase in ('RUNNING', 'COMPLETED', 'FAILED', 'CORRUPT')),
    add constraint snapshot_verify_result_check check (verify_result in ('RUNNING', 'OK', 'CORRUPT', 'FAILED'));

alter table snapshot_restore drop constraint snapshot_restore_phase_check;
update snapshot_restore set kind = upper(kind), phase = upper(phase);
alter table snapshot_restore
    add constraint snapshot_restore_kind_check check (kind in ('PHYSICAL', 'LOGICAL')),
    add constraint snapshot_restore_phase_check check (phase in ('RUNNING', 'COMPLETED', 'FAILED'));

alter table backup_policy drop constraint backup_policy_kind_check;
update backup_policy set kind = upper(kind);
alter table backup_policy add constraint backup_policy_kind_check check (kind in ('PHYSICAL', 'LOGICAL'));
