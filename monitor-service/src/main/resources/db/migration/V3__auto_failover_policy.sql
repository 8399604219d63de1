-- Opt-in automatic failover, per relationship. Off unless a row says enabled.
create table failover_policy (
    relationship_id     uuid primary key,
    enabled             boolean     not null,
    primary_down_seconds integer    not null check (primary_down_seconds > 0),
    max_data_loss_bytes bigint      not null check (max_data_loss_bytes >= 0),
    last_requested_at   timestamptz
);
