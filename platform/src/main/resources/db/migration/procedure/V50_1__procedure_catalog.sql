-- Procedure catalog (CSDL thủ tục hành chính): every version of a procedure, valid [valid_from, valid_to).
-- Documents and fees are jsonb: they are read and written with their procedure version, never on their own.
create table procedure_version (
    id                      bigserial primary key,
    code                    varchar(40)  not null,
    sample_code             boolean      not null default false,
    name                    text         not null,
    field_code              varchar(40)  not null,
    level                   varchar(16)  not null check (level in ('PROVINCE', 'DISTRICT', 'COMMUNE')),
    competent_agency        varchar(60)  not null,
    implementing_agencies   text[]       not null,
    channels                text[]       not null,
    online_level            varchar(16)  not null check (online_level in ('FULL_PROCESS', 'PARTIAL', 'NONE')),
    documents               jsonb        not null,
    processing_time         integer      not null check (processing_time >= 0),
    processing_time_unit    varchar(16)  not null check (processing_time_unit in ('WORKING_DAYS', 'WORKING_HOURS', 'SAME_DAY')),
    fees                    jsonb        not null,
    result_type             text,
    conditions              text,
    legal_basis             text,
    publishing_decision     text,
    valid_from              date         not null,
    valid_to                date,
    demonstration           boolean      not null default false,
    content_hash            varchar(64)  not null,
    search_text             text         not null,
    imported_at             timestamptz  not null default now(),
    constraint procedure_version_period check (valid_to is null or valid_to > valid_from),
    constraint procedure_version_unique_start unique (code, valid_from)
);

create index procedure_version_code on procedure_version (code, valid_from desc);
create index procedure_version_field on procedure_version (field_code);
create index procedure_version_agencies on procedure_version using gin (implementing_agencies);
create index procedure_version_competent on procedure_version (competent_agency);

-- Each sync with the national procedure database: what arrived, what was applied, what was refused.
create table procedure_sync (
    id            bigserial primary key,
    started_at    timestamptz not null,
    finished_at   timestamptz not null,
    source        text        not null,
    received      integer     not null,
    created       integer     not null,
    updated       integer     not null,
    unchanged     integer     not null,
    errors        jsonb       not null
);
