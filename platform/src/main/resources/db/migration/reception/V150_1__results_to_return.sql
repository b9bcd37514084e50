-- The desk's list of results to return (kept from the dossier module's events): a dossier enters when it is
-- resolved and leaves when its result is returned, whatever the way. A row may be written first by the return
-- (events are handled in any order); the list shows only resolved rows not returned.
create table reception_result (
    dossier_id       uuid primary key,
    dossier_code     text,
    receiving_agency text,
    procedure_name   text,
    applicant_name   text,
    business_name    text,
    result_delivery  text check (result_delivery in ('ONLINE', 'AT_DESK', 'BY_POST')),
    outcome          text,
    appointment_date date,
    late             boolean not null default false,
    resolved_at      timestamptz,
    returned_at      timestamptz
);
create index reception_result_waiting on reception_result (receiving_agency, resolved_at) where returned_at is null;

-- To whom the desk handed a result: the applicant or an authorised person (their personal identification number sealed).
create table reception_handover (
    dossier_id            uuid primary key,
    dossier_code          text        not null,
    recipient_name        text        not null,
    proxy                 boolean     not null,
    proxy_personal_id_sealed text,
    relation              text,
    officer               text        not null,
    handed_at             timestamptz not null
);
