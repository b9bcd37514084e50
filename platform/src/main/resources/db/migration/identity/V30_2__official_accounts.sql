-- Officials' local accounts: password (bcrypt), required second factor (TOTP), positions held in agencies' units.
CREATE TABLE official_account (
    id                   UUID         PRIMARY KEY,
    username             VARCHAR(100) NOT NULL UNIQUE,
    full_name            VARCHAR(200) NOT NULL,
    email                VARCHAR(200),
    password_hash        VARCHAR(200) NOT NULL,
    password_changed_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    totp_secret_sealed   TEXT         NOT NULL,
    totp_confirmed       BOOLEAN      NOT NULL DEFAULT FALSE,
    totp_last_step       BIGINT       NOT NULL DEFAULT 0,
    status               VARCHAR(20)  NOT NULL DEFAULT 'ACTIVE',
    failed_attempts      INT          NOT NULL DEFAULT 0,
    locked_until         TIMESTAMPTZ,
    last_login_at        TIMESTAMPTZ,
    created_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by           VARCHAR(100) NOT NULL,
    CONSTRAINT official_account_status CHECK (status IN ('ACTIVE', 'DISABLED'))
);

-- A position is one role in one unit of one agency (agency and unit codes of the shared "agencies" catalog).
CREATE TABLE official_position (
    id           BIGSERIAL    PRIMARY KEY,
    account_id   UUID         NOT NULL REFERENCES official_account (id),
    role         VARCHAR(40)  NOT NULL,
    agency_code  VARCHAR(64)  NOT NULL,
    unit_code    VARCHAR(64),
    granted_by   VARCHAR(100) NOT NULL,
    granted_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    revoked_by   VARCHAR(100),
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX official_position_active ON official_position (account_id) WHERE revoked_at IS NULL;

-- Every login, failure, lock-out and logout, so that each person can see their own history.
CREATE TABLE login_event (
    id          BIGSERIAL    PRIMARY KEY,
    username    VARCHAR(100) NOT NULL,
    kind        VARCHAR(30)  NOT NULL,
    at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    ip          VARCHAR(64),
    user_agent  VARCHAR(300)
);
CREATE INDEX login_event_by_user ON login_event (username, at DESC);
