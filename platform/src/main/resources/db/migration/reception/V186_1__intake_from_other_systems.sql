-- One intake log for every system that delivers dossiers (the national portal, VNPost), owned by the one-stop desk:
-- which item became which dossier, and those refused with the reasons and whether the system was told. It replaces
-- the adapters' twin tables (portal_intake, postal_intake) and their polls, whose rows are carried over. Nothing
-- personal is kept here.
create table intake_item (
    channel         text        not null check (channel in ('NATIONAL_PORTAL', 'BY_POST')),
    reference       text        not null,
    procedure_code  text,
    agency_code     text,
    submitted_at    timestamptz,
    outcome         text        not null check (outcome in ('REGISTERED', 'REFUSED')),
    dossier_code    text,
    reasons         text,
    first_seen_at   timestamptz not null,
    last_attempt_at timestamptz not null,
    acknowledged_at timestamptz,
    told_at         timestamptz,
    primary key (channel, reference)
);
create index intake_item_recent on intake_item (channel, last_attempt_at desc);

create table intake_poll (
    channel         text primary key check (channel in ('NATIONAL_PORTAL', 'BY_POST')),
    last_poll_at    timestamptz not null,
    last_success_at timestamptz,
    fetched         integer     not null default 0,
    last_error      text
);

insert into intake_item (channel, reference, procedure_code, agency_code, submitted_at, outcome, dossier_code, reasons,
                         first_seen_at, last_attempt_at, acknowledged_at, told_at)
select 'NATIONAL_PORTAL', portal_dossier_id, procedure_code, agency_code, submitted_at, outcome, dossier_code, reasons,
       first_seen_at, last_attempt_at, acknowledged_at, reported_at
from portal_intake;

-- VNPost's refused items were marked acknowledged when VNPost was told of the refusal
insert into intake_item (channel, reference, procedure_code, agency_code, submitted_at, outcome, dossier_code, reasons,
                         first_seen_at, last_attempt_at, acknowledged_at, told_at)
select 'BY_POST', item_number, procedure_code, agency_code, accepted_at, outcome, dossier_code, reasons,
       first_seen_at, last_attempt_at,
       case when outcome = 'REGISTERED' then acknowledged_at end,
       case when outcome = 'REFUSED' then acknowledged_at end
from postal_intake;

insert into intake_poll (channel, last_poll_at, last_success_at, fetched, last_error)
select 'NATIONAL_PORTAL', last_poll_at, last_success_at, fetched, last_error from portal_poll;
insert into intake_poll (channel, last_poll_at, last_success_at, fetched, last_error)
select 'BY_POST', last_poll_at, last_success_at, fetched, last_error from postal_poll;

drop table portal_intake;
drop table portal_poll;
drop table postal_intake;
drop table postal_poll;
