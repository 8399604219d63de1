-- GET /api/v1/recyclebin reads the latest dropped first, a page at a time after the (dropped_at, id) of the last
-- entry it returned; by default the entries still in the bin of every cluster.
drop index bin_entry_by_cluster;
create index bin_entry_by_cluster on bin_entry (cluster, state, dropped_at desc, id desc);
create index bin_entry_by_state on bin_entry (state, dropped_at desc, id desc);
