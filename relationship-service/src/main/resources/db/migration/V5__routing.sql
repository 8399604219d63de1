-- How clients follow a cluster's or a relationship's primary: one DNS name the switchovers and failovers point at the
-- new primary (RFC 2136 update, TSIG key sealed) and webhooks told of every role change (HMAC key sealed). The owner
-- is a cluster or a relationship (owner_id is its id); its routing goes with it.
create table routing (
    owner_id          uuid primary key,
    cluster_id        uuid unique references cluster (id) on delete cascade,
    relationship_id   uuid unique references relationship (id) on delete cascade,
    dns_server        text,
    dns_port          integer check (dns_port between 1 and 65535),
    dns_zone          text,
    dns_name          text,
    dns_ttl           integer check (dns_ttl between 0 and 86400),
    dns_key_name      text,
    dns_algorithm     text,
    dns_secret_sealed text,
    updated_at        timestamptz not null,
    check (num_nonnulls(cluster_id, relationship_id) = 1),
    check (owner_id = coalesce(cluster_id, relationship_id)),
    check ((dns_name is null) = (dns_secret_sealed is null))
);

create table routing_webhook (
    id            uuid primary key,
    owner_id      uuid    not null references routing (owner_id) on delete cascade,
    position      integer not null,
    url           text    not null,
    secret_sealed text    not null,
    unique (owner_id, url)
);

-- The webhooks' outbox: one row per webhook and role change, written in the transaction that saw the change and
-- POSTed by WebhookRelay, with retries and backoff. It keeps its own copy of the URL and the sealed key, so a call
-- already due is made as it was configured when the change happened.
create table webhook_delivery (
    id              bigint generated always as identity primary key,
    owner_kind      text        not null check (owner_kind in ('CLUSTER', 'RELATIONSHIP')),
    owner_id        uuid        not null,
    owner_name      text        not null,
    url             text        not null,
    secret_sealed   text        not null,
    payload         text        not null,
    state           text        not null check (state in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_status     integer,
    last_error      text,
    created_at      timestamptz not null,
    delivered_at    timestamptz
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where state = 'PENDING';
create index webhook_delivery_webhook on webhook_delivery (owner_id, url, id) where state = 'PENDING';
create index webhook_delivery_owner on webhook_delivery (owner_kind, owner_name, id);
