-- Postal dossiers (bưu gửi) VNPost delivered: which became which dossier, and those the platform refused with the
-- reasons. Nothing personal is kept here.
create table postal_intake (
    item_number     text primary key,
    procedure_code  text,
    agency_code     text,
    accepted_at     timestamptz,
    outcome         text        not null check (outcome in ('REGISTERED', 'REFUSED')),
    dossier_code    text,
    reasons         text,
    first_seen_at   timestamptz not null,
    last_attempt_at timestamptz not null,
    acknowledged_at timestamptz
);
create index postal_intake_recent on postal_intake (last_attempt_at desc);

create table postal_poll (
    id              smallint primary key check (id = 1),
    last_poll_at    timestamptz not null,
    last_success_at timestamptz,
    fetched         integer not null default 0,
    last_error      text
);
