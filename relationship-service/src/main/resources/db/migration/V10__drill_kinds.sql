-- Three kinds of drill. A switchover round trip works on the relationship's own clusters and takes no sandbox; a
-- restore test restores one cluster's newest good snapshot onto a sandbox (snapshot-service picks the snapshot).
alter table drill drop constraint drill_kind_check;
alter table drill add constraint drill_kind_check
    check (kind in ('FAILOVER_REHEARSAL', 'SWITCHOVER_ROUND_TRIP', 'RESTORE_TEST'));
alter table drill alter column sandbox drop not null,
                  alter column port drop not null,
                  alter column data_directory drop not null;
alter table drill add constraint drill_sandbox_place
    check (kind = 'SWITCHOVER_ROUND_TRIP' or (sandbox is not null and port is not null and data_directory is not null));

-- The switchover round trip's figures: each direction's write outage and the canary's acknowledged and lost commits.
alter table drill add column outage_there_seconds double precision,
                  add column outage_back_seconds  double precision,
                  add column canary_commits       bigint,
                  add column canary_lost_commits  bigint;

-- The restore test's: the cluster and snapshot tested, the restore's time and the point it reached, the objective.
alter table drill add column cluster                   text,
                  add column snapshot_id               uuid,
                  add column restore_seconds           double precision,
                  add column restored_lsn              text,
                  add column restore_objective_seconds integer;

-- A plan runs one kind of drill; the round trip's plans name no sandbox.
alter table drill_plan add column kind text not null default 'FAILOVER_REHEARSAL'
    check (kind in ('FAILOVER_REHEARSAL', 'SWITCHOVER_ROUND_TRIP', 'RESTORE_TEST'));
alter table drill_plan add column cluster text;
alter table drill_plan alter column sandbox drop not null;
