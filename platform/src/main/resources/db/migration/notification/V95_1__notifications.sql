-- One row per message to an applicant: a dossier's status change on one channel. The unique key makes a redelivered
-- event a no-op. Recipient and body may hold personal data: sealed (PersonalDataProtection), with a masked copy of
-- the recipient for display.
create table notification (
    id               uuid primary key,
    dossier_code     text        not null,
    event_action     text        not null,
    event_at         timestamptz not null,
    channel          text        not null check (channel in ('EMAIL', 'SMS')),
    recipient_sealed text        not null,
    recipient_masked text        not null,
    template         text        not null,
    subject          text,
    body_sealed      text        not null,
    status           text        not null check (status in ('PENDING', 'SENT', 'FAILED', 'SKIPPED')),
    attempts         integer     not null default 0,
    last_error       text,
    provider_id      text,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    next_attempt_at  timestamptz,
    sent_at          timestamptz,
    constraint notification_once unique (dossier_code, event_action, event_at, channel)
);

create index notification_due on notification (next_attempt_at) where status = 'PENDING';
create index notification_latest on notification (created_at desc);
create index notification_by_dossier on notification (dossier_code);
