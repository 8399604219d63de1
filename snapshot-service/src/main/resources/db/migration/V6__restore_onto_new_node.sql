-- A point-in-time restore may create a node that is in no registered cluster: it has no target cluster, and names
-- where the node is made instead.
alter table snapshot_restore alter column target_cluster drop not null;
alter table snapshot_restore add column new_node_host text;
alter table snapshot_restore add column new_node_port integer;
alter table snapshot_restore add column new_node_data_directory text;
alter table snapshot_restore add constraint snapshot_restore_has_target check (target_cluster is not null
    or (new_node_host is not null and new_node_port is not null and new_node_data_directory is not null
        and target_node is not null));
