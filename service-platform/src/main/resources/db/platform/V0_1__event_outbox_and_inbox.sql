-- Transactional outbox: a service inserts its events here in the same transaction as the state change they
-- announce; the relay publishes them to Kafka in id order and stamps published_at.
create table event_outbox (
    id           bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    aggregate_id text        not null,
    event_type   text        not null,
    payload      text        not null,
    occurred_at  timestamptz not null,
    published_at timestamptz,
    attempts     integer     not null default 0,
    last_error   text
);

create index event_outbox_pending on event_outbox (id) where published_at is null;

-- Idempotent consumers: the ids of the events already applied. An event applied once is skipped on redelivery.
create table processed_event (
    event_id     uuid        primary key,
    event_type   text        not null,
    processed_at timestamptz not null default now()
);
