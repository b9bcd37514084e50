-- Dossiers fetched from the national public-service portal: which became which dossier, and those the platform
-- refused (with the reasons, reported to the portal as "not received"). Nothing personal is kept here.
create table portal_intake (
    portal_dossier_id text primary key,
    procedure_code    text,
    agency_code       text,
    submitted_at      timestamptz,
    outcome           text        not null check (outcome in ('REGISTERED', 'REFUSED')),
    dossier_code      text,
    reasons           text,
    first_seen_at     timestamptz not null,
    last_attempt_at   timestamptz not null,
    acknowledged_at   timestamptz,
    reported_at       timestamptz
);
create index portal_intake_recent on portal_intake (last_attempt_at desc);

-- The last polls of the portal: when, how many dossiers, the error if it failed.
create table portal_poll (
    id          smallint primary key check (id = 1),
    last_poll_at timestamptz not null,
    last_success_at timestamptz,
    fetched     integer not null default 0,
    last_error  text
);
