-- Per-minute roll-up of the gateway's calls per service and consumer, written by the message log's writers in the
-- same transaction as the records (summed across nodes), so that monitoring never scans the records. Latencies as
-- histograms over fixed exponential buckets (see LatencyHistogram). '' stands for "none" in service/consumer.
CREATE TABLE lgsp_log_minute (
    minute           timestamptz NOT NULL,
    service          text        NOT NULL,
    consumer         text        NOT NULL,
    calls            bigint      NOT NULL,
    gateway_errors   bigint      NOT NULL,
    provider_errors  bigint      NOT NULL,
    request_bytes    bigint      NOT NULL,
    response_bytes   bigint      NOT NULL,
    total_histogram  bigint[]    NOT NULL,
    provider_histogram bigint[]  NOT NULL,
    PRIMARY KEY (minute, service, consumer)
);
