-- A service's projection of DR relationships, from drsuite.relationships (monitor-service created the same table in
-- its own first migration, before this library existed, and does not list this location).
create table if not exists known_relationship (
    id              uuid primary key,
    name            text        not null,
    phase           text        not null,
    primary_cluster text        not null,
    dr_cluster      text        not null,
    sync_mode       text        not null,
    changed_at      timestamptz not null
);
