-- The monitoring role (drsuite_monitor, a member of pg_monitor) monitor-service polls a cluster's nodes with, one row
-- per cluster: its password sealed and bound to the cluster. system_identifier names the database lineage the role
-- lives in: a DR cluster, a physical copy of its production cluster, has the same one and the role by replication, so
-- it takes the password of a row of the same lineage (sealed again for itself).
create table monitor_login (
    cluster_id        uuid primary key,
    system_identifier text        not null,
    username          text        not null,
    sealed_password   text        not null,
    updated_at        timestamptz not null
);

create index monitor_login_lineage on monitor_login (system_identifier);
