-- Results of dossiers (licences, certificates, decisions, refusal notices): the signed PDF itself is in the central
-- repository (attachment_content) under sha256; this row says what it is, who holds it and whether it still stands.
CREATE TABLE result_document (
    id                   uuid          PRIMARY KEY,
    dossier_id           uuid          NOT NULL,
    dossier_code         varchar(40)   NOT NULL,
    procedure_code       varchar(40)   NOT NULL,
    procedure_name       varchar(1000) NOT NULL,
    type                 varchar(20)   NOT NULL CHECK (type IN ('LICENCE', 'CERTIFICATE', 'DECISION', 'REFUSAL_NOTICE')),
    title                varchar(500)  NOT NULL,
    decision_number      varchar(100),
    agency_code          varchar(40)   NOT NULL,
    agency_name          varchar(300)  NOT NULL,
    -- as the public verification page shows it ("Nguyễn V. A."); the full name sealed (result.document.holder_name)
    holder_masked        varchar(200)  NOT NULL,
    holder_name_sealed   text          NOT NULL,
    applicant_account_id uuid,
    signer_name          varchar(200)  NOT NULL,
    signer_title         varchar(200)  NOT NULL,
    sha256               char(64)      NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    valid_from           date,
    valid_until          date,
    issued_at            timestamptz   NOT NULL,
    issued_by            varchar(100)  NOT NULL,
    revoked_at           timestamptz,
    revoked_by           varchar(100),
    revocation_reason    varchar(1000),
    CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until >= valid_from),
    CHECK ((revoked_at IS NULL) = (revocation_reason IS NULL))
);
CREATE INDEX result_document_dossier ON result_document (dossier_id);
CREATE INDEX result_document_sha256 ON result_document (sha256);
