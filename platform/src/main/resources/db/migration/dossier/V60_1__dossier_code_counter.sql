-- The daily sequence of dossier codes: one row per (receiving agency's QCVN 102 code, reception date in Vietnam time).
-- The row is incremented atomically (insert ... on conflict do update ... returning), so codes are unique across
-- threads and nodes; it is never decremented or deleted, so a number is never handed out twice, also after a restart.
-- The upper bound (9999, four digits) is checked by the generator, not here, so that a wider format needs no migration.
create table dossier_code_counter (
    agency_code  varchar(20)  not null,
    day          date         not null,
    last         integer      not null check (last >= 1),
    updated_at   timestamptz  not null default now(),
    constraint dossier_code_counter_pk primary key (agency_code, day)
);
