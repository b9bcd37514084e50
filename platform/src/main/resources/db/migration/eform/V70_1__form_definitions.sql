-- The application forms of the procedures: one row per (procedure code, version). A version is never changed once
-- recorded (a dossier keeps the version it was filled with), so updates are refused by a trigger.
create table eform_definition (
    procedure_code  varchar(30)   not null,
    version         integer       not null check (version >= 1),
    valid_from      date          not null,
    schema_json     text          not null,
    demonstration   boolean       not null default false,
    created_by      varchar(100)  not null,
    created_at      timestamptz   not null default now(),
    constraint eform_definition_pk primary key (procedure_code, version)
);

create function eform_definition_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'eform_definition: a form version is never changed; record a new version';
end;
$$;

create trigger eform_definition_no_update before update on eform_definition
    for each row execute function eform_definition_immutable();
