-- The central dossier repository: every file once, by the SHA-256 of its content.
CREATE TABLE attachment_content (
    sha256          char(64)     PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    kind            varchar(8)   NOT NULL CHECK (kind IN ('PDF', 'JPEG', 'PNG')),
    media_type      varchar(100) NOT NULL,
    size            bigint       NOT NULL CHECK (size > 0),
    pages           integer      CHECK (pages > 0),
    content         bytea        NOT NULL,
    first_stored_at timestamptz  NOT NULL
);
-- out of line but not compressed: PDFs and JPEGs are compressed already
ALTER TABLE attachment_content ALTER COLUMN content SET STORAGE EXTERNAL;

-- Each time a file was stored: for which dossier, through which channel, under which name, by whom.
CREATE TABLE attachment_reference (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sha256       char(64)     NOT NULL REFERENCES attachment_content (sha256),
    channel      varchar(30)  NOT NULL,
    dossier_code varchar(40),
    file_name    varchar(255) NOT NULL,
    stored_by    varchar(100) NOT NULL,
    stored_at    timestamptz  NOT NULL
);
CREATE INDEX attachment_reference_sha256 ON attachment_reference (sha256);
CREATE INDEX attachment_reference_dossier ON attachment_reference (dossier_code) WHERE dossier_code IS NOT NULL;

-- The personal document store of citizens (account id) and businesses (tax code).
CREATE TABLE personal_document (
    id                  uuid         PRIMARY KEY,
    owner_kind          varchar(10)  NOT NULL CHECK (owner_kind IN ('citizen', 'business')),
    owner_id            varchar(64)  NOT NULL,
    title               varchar(300) NOT NULL,
    kind                varchar(10)  NOT NULL CHECK (kind IN ('RESULT', 'DIGITIZED', 'UPLOADED')),
    sha256              char(64)     NOT NULL REFERENCES attachment_content (sha256),
    source_dossier_code varchar(40),
    issued_on           date,
    valid_until         date,
    added_at            timestamptz  NOT NULL,
    CHECK (valid_until IS NULL OR issued_on IS NULL OR valid_until >= issued_on)
);
CREATE INDEX personal_document_owner ON personal_document (owner_kind, owner_id, added_at DESC);
