-- Every watched node's latest health, one row per node, written by the replica that watches its cluster and read by
-- every replica: the API, the load balancers' routing answers and the leader's fleet-wide evaluation see the whole
-- fleet although each replica polls only its share.
create table node_health_latest (
    cluster_name text        not null,
    node_name    text        not null,
    sampled_at   timestamptz not null,
    health       jsonb       not null,
    primary key (cluster_name, node_name)
);
