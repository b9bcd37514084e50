-- LGSP message log: one hash chain per node (node_id), written in batches by that node's writer only.
-- lgsp_log_chain holds each chain's head (locked per batch) and its anchor: the last purged record, from which
-- verification starts after a retention purge.
CREATE TABLE lgsp_log_chain (
    node_id          text PRIMARY KEY,
    head_sequence    bigint      NOT NULL,
    head_hash        text        NOT NULL,
    anchor_sequence  bigint      NOT NULL DEFAULT 0,
    anchor_hash      text        NOT NULL,
    anchored_at      timestamptz
);

CREATE TABLE lgsp_log_record (
    node_id          text        NOT NULL,
    sequence         bigint      NOT NULL,
    request_id       text,
    at               timestamptz NOT NULL,
    kind             text        NOT NULL,
    consumer         text,
    client_id        text,
    service          text,
    method           text,
    path             text,
    status           integer     NOT NULL,
    error_class      text,
    request_bytes    bigint      NOT NULL,
    response_bytes   bigint      NOT NULL,
    total_micros     bigint      NOT NULL,
    provider_micros  bigint      NOT NULL,
    request_hash     text,
    response_hash    text,
    security_level   text        NOT NULL,
    -- sealed with vn.gov.egov.personaldata (pd1:<key>:...), never in clear
    request_body     text,
    response_body    text,
    previous_hash    text        NOT NULL,
    hash             text        NOT NULL,
    written_at       timestamptz NOT NULL DEFAULT now(),
    -- past retention but not at the start of the chain: content erased, hashes kept so the chain still links
    purged           boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (node_id, sequence)
);

CREATE INDEX lgsp_log_record_request_id ON lgsp_log_record (request_id);
CREATE INDEX lgsp_log_record_at ON lgsp_log_record (at);
CREATE INDEX lgsp_log_record_service_at ON lgsp_log_record (service, at);
CREATE INDEX lgsp_log_record_consumer_at ON lgsp_log_record (consumer, at);
CREATE INDEX lgsp_log_record_level_at ON lgsp_log_record (security_level, at) WHERE NOT purged;
