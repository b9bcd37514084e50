-- Shared e-catalogs (danh mục điện tử dùng chung), versioned by effective date.
-- Every change inserts rows; a row is never updated except to mark it superseded, so history is complete.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE catalog (
    code          VARCHAR(64) PRIMARY KEY,
    definition    JSONB       NOT NULL,
    built_in      BOOLEAN     NOT NULL DEFAULT FALSE,
    revision      BIGINT      NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE catalog_change (
    id             BIGSERIAL PRIMARY KEY,
    catalog_code   VARCHAR(64)  NOT NULL REFERENCES catalog (code),
    kind           VARCHAR(20)  NOT NULL,
    summary        TEXT         NOT NULL,
    codes          TEXT[]       NOT NULL DEFAULT '{}',
    reason         TEXT,
    source         TEXT,
    changed_by     VARCHAR(200) NOT NULL,
    changed_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX catalog_change_by_catalog ON catalog_change (catalog_code, changed_at DESC);
CREATE INDEX catalog_change_by_code ON catalog_change USING gin (codes);

CREATE TABLE catalog_entry_version (
    id             BIGSERIAL PRIMARY KEY,
    catalog_code   VARCHAR(64)  NOT NULL REFERENCES catalog (code),
    code           VARCHAR(64)  NOT NULL,
    name           VARCHAR(500) NOT NULL,
    name_en        VARCHAR(500),
    parent_code    VARCHAR(64),
    valid_from     DATE         NOT NULL,
    valid_to       DATE,
    attributes     JSONB        NOT NULL DEFAULT '{}',
    search_text    TEXT         NOT NULL,
    recorded_by    BIGINT       NOT NULL REFERENCES catalog_change (id),
    superseded_by  BIGINT       REFERENCES catalog_change (id),
    CONSTRAINT catalog_entry_version_period CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX catalog_entry_live ON catalog_entry_version (catalog_code, code, valid_from) WHERE superseded_by IS NULL;
CREATE INDEX catalog_entry_live_parent ON catalog_entry_version (catalog_code, parent_code) WHERE superseded_by IS NULL;
CREATE INDEX catalog_entry_search ON catalog_entry_version USING gin (search_text gin_trgm_ops) WHERE superseded_by IS NULL;

-- Succession between entries (mergers, splits, renumbering): which entry took over from which, and when.
CREATE TABLE catalog_succession (
    id               BIGSERIAL PRIMARY KEY,
    catalog_code     VARCHAR(64) NOT NULL REFERENCES catalog (code),
    predecessor_code VARCHAR(64) NOT NULL,
    successor_code   VARCHAR(64) NOT NULL,
    effective_date   DATE        NOT NULL,
    partial          BOOLEAN     NOT NULL DEFAULT FALSE,
    recorded_by      BIGINT      NOT NULL REFERENCES catalog_change (id),
    UNIQUE (catalog_code, predecessor_code, successor_code, effective_date)
);
CREATE INDEX catalog_succession_by_predecessor ON catalog_succession (catalog_code, predecessor_code, effective_date);

-- Reference and demonstration data sets already applied, so that start-up loads each once.
CREATE TABLE catalog_dataset (
    id         VARCHAR(200) PRIMARY KEY,
    checksum   VARCHAR(64)  NOT NULL,
    change_id  BIGINT       REFERENCES catalog_change (id),
    loaded_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
