-- One-stop processing: each dossier's process instance, its steps (the control sheet, form 05 of Circular 01/2018),
-- comments, working papers and overdue alerts. Times of steps are office time on working days, in minutes.
create table processing_dossier (
    dossier_id            uuid primary key,
    dossier_code          varchar(40)  not null unique,
    procedure_code        varchar(40)  not null,
    procedure_name        text,
    receiving_agency      varchar(60)  not null,
    process_definition_id varchar(255) not null,
    process_instance_id   varchar(64),
    route_version_id      uuid,
    started_at            timestamptz  not null,
    refusal_proposed      boolean      not null default false,
    refusal_reasons       text,
    outcome               varchar(20),
    result_title          text,
    decision_note         text,
    decided_by            varchar(100),
    decided_at            timestamptz,
    ended_at              timestamptz
);

create table processing_step (
    id                uuid primary key,
    dossier_id        uuid         not null references processing_dossier (dossier_id),
    seq               integer      not null,
    task_id           varchar(64)  not null unique,
    activity_id       varchar(255) not null,
    name              text         not null,
    kind              varchar(20),
    candidate_group   varchar(255),
    agency_code       varchar(60),
    allowed_minutes   integer      not null,
    created_at        timestamptz  not null,
    due_at            timestamptz  not null,
    assignee          varchar(100),
    assignee_name     text,
    claimed_at        timestamptz,
    assigned_by       varchar(100),
    waiting_since     timestamptz,
    stopped_minutes   integer      not null default 0,
    completed_at      timestamptz,
    completed_by      varchar(100),
    completed_by_name text,
    decision          varchar(30),
    comment           text,
    used_minutes      integer,
    alerted_at        timestamptz,
    unique (dossier_id, seq)
);
create index processing_step_open_group on processing_step (candidate_group) where completed_at is null;
create index processing_step_open_assignee on processing_step (assignee) where completed_at is null;
create index processing_step_open_due on processing_step (due_at) where completed_at is null;

create table processing_comment (
    id          uuid primary key,
    dossier_id  uuid        not null references processing_dossier (dossier_id),
    step_id     uuid references processing_step (id),
    author      varchar(100) not null,
    author_name text         not null,
    text        text         not null,
    at          timestamptz  not null
);
create index processing_comment_dossier on processing_comment (dossier_id, at);

create table processing_paper (
    id             uuid primary key,
    dossier_id     uuid         not null references processing_dossier (dossier_id),
    step_id        uuid references processing_step (id),
    sha256         char(64)     not null,
    file_name      text         not null,
    media_type     varchar(100) not null,
    size           bigint       not null,
    stored_by      varchar(100) not null,
    stored_by_name text         not null,
    at             timestamptz  not null
);
create index processing_paper_dossier on processing_paper (dossier_id, at);

create table processing_alert (
    id              uuid primary key,
    step_id         uuid         not null unique references processing_step (id),
    dossier_id      uuid         not null references processing_dossier (dossier_id),
    dossier_code    varchar(40)  not null,
    recipient_group varchar(255) not null,
    message         text         not null,
    due_at          timestamptz  not null,
    raised_at       timestamptz  not null
);
create index processing_alert_recipient on processing_alert (recipient_group, raised_at);
