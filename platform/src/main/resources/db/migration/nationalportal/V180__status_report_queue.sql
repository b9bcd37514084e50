-- Status reports waiting to go to the national portal, in the order they were enqueued (seq), one row per report key
-- (the portal's idempotency key). Reports the portal accepted, or already had, are deleted; those it refused stay with
-- its reason and are never sent again. The report is sealed: its note may name the applicant.
create table portal_status_report (
    seq             bigint generated always as identity primary key,
    report_key      text        not null unique,
    dossier_code    text        not null,
    status          smallint    not null,
    report_sealed   text        not null,
    state           text        not null default 'PENDING' check (state in ('PENDING', 'REFUSED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    enqueued_at     timestamptz not null,
    refused_at      timestamptz
);
create index portal_status_report_pending on portal_status_report (seq) where state = 'PENDING';
create index portal_status_report_dossier on portal_status_report (dossier_code, seq) where state = 'PENDING';
create index portal_status_report_refused on portal_status_report (refused_at desc) where state = 'REFUSED';

-- The last batch sent (by any node): when, how many reports, the error if it failed.
create table portal_report_sending (
    id              smallint primary key check (id = 1),
    last_batch_at   timestamptz not null,
    last_success_at timestamptz,
    last_batch_size integer     not null default 0,
    last_error      text
);
