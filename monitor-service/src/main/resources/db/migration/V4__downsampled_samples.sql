-- Relationship samples older than the raw retention, folded into one row per minute (the worst of the minute)
-- and kept for the downsampled retention.
create table relationship_sample_minute (
    relationship_id          uuid             not null,
    minute                   timestamptz      not null,
    samples                  integer          not null,
    max_lag_bytes            bigint,
    max_lag_seconds          double precision,
    max_rpo_estimate_seconds double precision,
    broken_samples           integer          not null,
    primary key (relationship_id, minute)
);

create index relationship_sample_minute_by_time on relationship_sample_minute (minute);
