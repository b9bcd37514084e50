-- Dossiers from every channel (own portal, national portal, in person, by post). A draft has no code yet; a code,
-- once issued, never changes. Personal data is stored sealed (PersonalDataProtection): the filled form, the
-- applicant's personal identification number, phone and the delivery address; lookups go through blind indexes.
create table dossier (
    id                       uuid         primary key,
    code                     varchar(40)  unique,
    status                   varchar(30)  not null,
    channel                  varchar(20)  not null,
    procedure_code           varchar(20)  not null,
    procedure_name           text         not null,
    receiving_agency         varchar(40)  not null,
    form_version             integer,
    form_sealed              text,
    applicant_account        uuid,
    applicant_name           text         not null,
    applicant_id_sealed      text,
    applicant_id_lookup      varchar(64),
    applicant_phone_sealed   text,
    applicant_email          text,
    applicant_address_sealed text,
    business_tax_code        varchar(14),
    business_name            text,
    result_delivery          varchar(10)  not null,
    delivery_address_sealed  text,
    external_reference       varchar(60),
    idempotency_key          varchar(200),
    request_hash             varchar(64),
    processing_time_value    integer,
    processing_time_unit     varchar(20),
    submitted_at             timestamptz,
    reception_due_at         timestamptz,
    received_at              timestamptz,
    received_by              varchar(100),
    due_at                   timestamptz,
    appointment_date         date,
    closed_at                timestamptz,
    demonstration            boolean      not null default false,
    created_at               timestamptz  not null default now(),
    updated_at               timestamptz  not null default now(),
    row_version              integer      not null default 0,
    -- a double click or a retried request never makes two dossiers: the key is unique per applicant account
    constraint dossier_idempotency unique (applicant_account, idempotency_key),
    -- a dossier delivered twice by the national portal or VNPost is registered once
    constraint dossier_external_reference unique (channel, external_reference)
);
create index dossier_reception_queue on dossier (receiving_agency, reception_due_at) where status = 'SUBMITTED';
create index dossier_of_applicant on dossier (applicant_account, created_at desc);
create index dossier_applicant_lookup on dossier (applicant_id_lookup);
create index dossier_agency_status on dossier (receiving_agency, status);

-- Every document of a dossier: a reference to the central dossier repository (content stored once by hash).
create table dossier_document (
    dossier_id          uuid         not null references dossier (id),
    position            integer      not null,
    required_document   text,
    file_name           text         not null,
    sha256              varchar(64)  not null,
    media_type          varchar(60)  not null,
    size_bytes          bigint       not null,
    pages               integer,
    source              varchar(20)  not null,
    personal_document   uuid,
    supplement_round    integer      not null default 0,
    added_at            timestamptz  not null default now(),
    added_by            varchar(100),
    constraint dossier_document_pk primary key (dossier_id, position)
);
create index dossier_document_hash on dossier_document (sha256);

-- Papers the platform issued for a dossier: the filled form (đơn / tờ khai), receipt and appointment, supplement
-- request, refusal. Each is a PDF in the central repository.
create table dossier_paper (
    dossier_id  uuid         not null references dossier (id),
    kind        varchar(30)  not null,
    round       integer      not null default 0,
    sha256      varchar(64)  not null,
    issued_at   timestamptz  not null,
    issued_by   varchar(100),
    constraint dossier_paper_pk primary key (dossier_id, kind, round)
);

-- The dossier's timeline: every step, who, when, and what was said (reasons, missing documents).
create table dossier_step (
    dossier_id  uuid         not null references dossier (id),
    seq         integer      not null,
    at          timestamptz  not null,
    action      varchar(40)  not null,
    status      varchar(30)  not null,
    actor       varchar(100),
    actor_kind  varchar(20)  not null,
    note        text,
    details     jsonb,
    constraint dossier_step_pk primary key (dossier_id, seq)
);
