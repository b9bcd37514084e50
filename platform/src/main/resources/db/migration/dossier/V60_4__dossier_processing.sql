-- After reception: processing (clock stopped while a supplement is awaited), the result, its return, the rating.
alter table dossier
    add column processing_started_at timestamptz,
    add column clock_stopped_at      timestamptz,
    add column late                  boolean     not null default false,
    add column rescheduled           integer     not null default 0,
    add column outcome               varchar(20),
    add column result_id             uuid,
    add column resolved_at           timestamptz,
    add column returned_at           timestamptz,
    add column returned_how          varchar(20),
    add column returned_to           text,
    add column rating                smallint    check (rating between 1 and 5),
    add column rating_comment        text,
    add column rated_at              timestamptz;
create index dossier_in_progress on dossier (receiving_agency, due_at) where status in ('RECEIVED', 'IN_PROGRESS', 'AWAITING_SUPPLEMENT');
