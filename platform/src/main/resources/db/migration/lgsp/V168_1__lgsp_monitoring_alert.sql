-- LGSP monitoring alerts: one row per alert from opening to resolution; at most one open alert per key
-- (provider:<member/subsystem>, circuit:<provider>@<node>, subscription:<name>/<event type>, message-log-queue@<node>).
CREATE TABLE lgsp_monitoring_alert (
    id           uuid PRIMARY KEY,
    alert_key    text        NOT NULL,
    kind         text        NOT NULL,
    subject      text        NOT NULL,
    detail       text        NOT NULL,
    opened_at    timestamptz NOT NULL,
    opened_by    text        NOT NULL,
    resolved_at  timestamptz,
    resolved_by  text
);

CREATE UNIQUE INDEX lgsp_monitoring_alert_open ON lgsp_monitoring_alert (alert_key) WHERE resolved_at IS NULL;
CREATE INDEX lgsp_monitoring_alert_opened ON lgsp_monitoring_alert (opened_at DESC);
