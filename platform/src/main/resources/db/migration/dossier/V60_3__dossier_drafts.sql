-- A citizen's dossier drafts (hồ sơ nháp) on the portal, until they submit. The form values and the delivery address
-- are personal data, stored sealed. Once submitted, the content is deleted and only the dossier code is kept, so that
-- a repeated "submit" (double click, back button) leads to the dossier instead of failing.
create table dossier_draft (
    id                      uuid         primary key,
    account                 uuid         not null,
    procedure_code          varchar(20)  not null,
    agency_code             varchar(40),
    business_tax_code       varchar(14),
    form_sealed             text,
    result_delivery         varchar(10),
    delivery_address_sealed text,
    submitted_code          varchar(40),
    created_at              timestamptz  not null,
    updated_at              timestamptz  not null
);
create index dossier_draft_account on dossier_draft (account, updated_at desc);

-- One document per required document: a file already in the central repository (provenance DRAFT), or one of the
-- applicant's personal documents.
create table dossier_draft_document (
    draft_id             uuid         not null references dossier_draft (id) on delete cascade,
    required_document    text         not null,
    sha256               char(64),
    file_name            varchar(255),
    media_type           varchar(100),
    personal_document_id uuid,
    primary key (draft_id, required_document),
    check ((sha256 is null) <> (personal_document_id is null))
);
