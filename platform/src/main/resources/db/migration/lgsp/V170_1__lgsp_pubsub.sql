-- LGSP publish/subscribe: event types, subscriptions, the event outbox and each subscription's delivery queue.

create table lgsp_pubsub_event_type (
    id             uuid primary key,
    member         text        not null,
    subsystem      text        not null,
    code           text        not null,
    version        text        not null,
    name           text        not null,
    description    text        not null default '',
    json_schema    text        not null,
    security_level text        not null,
    state          text        not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    unique (member, subsystem, code, version)
);

create table lgsp_pubsub_subscription (
    id                 uuid primary key,
    event_type_id      uuid        not null references lgsp_pubsub_event_type (id),
    consumer_member    text        not null,
    consumer_subsystem text        not null,
    consumer_client_id text,
    mode               text        not null check (mode in ('PUSH', 'PULL')),
    webhook_url        text,
    -- HMAC key of the webhook signatures, sealed (shown once, at approval)
    secret_sealed      text,
    state              text        not null check (state in ('REQUESTED', 'ACTIVE', 'PAUSED', 'REVOKED')),
    requested_at       timestamptz not null,
    decided_at         timestamptz,
    decided_by         text
);
create index lgsp_pubsub_subscription_type on lgsp_pubsub_subscription (event_type_id);

-- every accepted event once: the idempotency key of its publisher makes a second publish return the first
create table lgsp_pubsub_event (
    seq             bigserial primary key,
    id              uuid        not null unique,
    event_type_id   uuid        not null references lgsp_pubsub_event_type (id),
    idempotency_key text        not null,
    ordering_key    text,
    payload         text        not null,
    published_at    timestamptz not null,
    publisher       text        not null,
    -- Kafka backend: set when the relay has handed the event to the broker
    relayed_at      timestamptz,
    unique (event_type_id, idempotency_key)
);
create index lgsp_pubsub_event_unrelayed on lgsp_pubsub_event (seq) where relayed_at is null;

-- what each subscription still has to receive (deleted once delivered); DEAD = dead letter
create table lgsp_pubsub_delivery (
    subscription_id uuid        not null,
    event_seq       bigint      not null,
    ordering_key    text,
    state           text        not null check (state in ('WAITING', 'LEASED', 'DEAD')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    leased_until    timestamptz,
    enqueued_at     timestamptz not null,
    last_error      text,
    -- leased, or waiting for a retry: the key's later events wait behind it (ordering per key)
    blocking        boolean     not null default false,
    primary key (subscription_id, event_seq)
);
create index lgsp_pubsub_delivery_blocking on lgsp_pubsub_delivery (subscription_id, ordering_key, event_seq)
    where blocking and ordering_key is not null;
create index lgsp_pubsub_delivery_state on lgsp_pubsub_delivery (subscription_id, state, event_seq);
create index lgsp_pubsub_delivery_event on lgsp_pubsub_delivery (event_seq);
