-- The statistics module's own read model, fed only by dossier events (never by other modules' tables).

-- One row per dossier: what the statistics count. Times are instants; days are counted in Vietnam's time zone.
create table statistics_dossier (
    dossier_id              uuid primary key,
    code                    text        not null,
    agency                  text        not null,
    procedure_code          text        not null,
    field_code              text        not null default '',
    level                   text        not null default '',
    channel                 text,
    status                  text,
    status_at               timestamptz,
    submitted_at            timestamptz,
    received_at             timestamptz,
    due_at                  timestamptz,
    rescheduled_at          timestamptz,
    resolved_at             timestamptz,
    resolved_due_at         timestamptz,
    outcome                 text,
    resolution              text,
    late                    boolean     not null default false,
    returned_at             timestamptz,
    refused_at              timestamptz,
    withdrawn_at            timestamptz,
    supplement_requests     integer     not null default 0,
    supplement_requested_at timestamptz[] not null default '{}',
    rating                  smallint,
    rated_at                timestamptz,
    digitized               boolean,
    fee_required            boolean,
    paid_online             boolean,
    paid_at                 timestamptz
);

-- "open at T" (received, not yet resolved): carried over at the start of a period, in progress at its end
create index statistics_dossier_open on statistics_dossier using gist (tstzrange(received_at, resolved_at, '[)'))
    where received_at is not null;
create index statistics_dossier_received on statistics_dossier (received_at) where received_at is not null;
create index statistics_dossier_resolved on statistics_dossier (resolved_at) where resolved_at is not null;

-- What happened each day (Vietnam time) per agency and procedure; and the same per month, so that a year is read
-- from twelve months plus the days at its edges. Updated in the same transaction as the dossier's row.
create table statistics_day (
    day                 date    not null,
    agency              text    not null,
    procedure_code      text    not null,
    field_code          text    not null default '',
    level               text    not null default '',
    received_online     integer not null default 0,
    received_in_person  integer not null default 0,
    received_by_post    integer not null default 0,
    received_digitized  integer not null default 0,
    received_fee        integer not null default 0,
    resolved_early      integer not null default 0,
    resolved_on_time    integer not null default 0,
    resolved_late       integer not null default 0,
    resolved_refused    integer not null default 0,
    returned            integer not null default 0,
    refused             integer not null default 0,
    withdrawn           integer not null default 0,
    supplement_requests integer not null default 0,
    ratings             integer not null default 0,
    ratings_good        integer not null default 0,
    rating_sum          integer not null default 0,
    payments            integer not null default 0,
    paid_online         integer not null default 0,
    primary key (day, agency, procedure_code, field_code, level)
);

create table statistics_month (like statistics_day including defaults including constraints);
alter table statistics_month rename column day to month;
alter table statistics_month add primary key (month, agency, procedure_code, field_code, level);

-- Procedure names and fields as last seen, for naming groups without reading the procedure catalog per row.
create table statistics_procedure (
    code       text primary key,
    name       text not null,
    field_code text,
    level      text
);
