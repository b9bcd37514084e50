-- LGSP publish/subscribe: the provider's side may refuse a requested subscription, with a reason.
-- (Kafka backend: events parked for a subscription after a refused delivery use lgsp_pubsub_delivery as they are.)

alter table lgsp_pubsub_subscription drop constraint lgsp_pubsub_subscription_state_check;
alter table lgsp_pubsub_subscription add constraint lgsp_pubsub_subscription_state_check
    check (state in ('REQUESTED', 'ACTIVE', 'PAUSED', 'REVOKED', 'REFUSED'));
alter table lgsp_pubsub_subscription add column decision_reason text;
