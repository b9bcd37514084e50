-- Fees of dossiers paid online through PayGov: one open payment request per dossier (an adjustment cancels the
-- previous one), every notification PayGov sent, and the daily reconciliation reports.
CREATE TABLE payment (
    id                 uuid PRIMARY KEY,
    dossier_id         uuid        NOT NULL,
    dossier_code       text        NOT NULL,
    procedure_code     text        NOT NULL,
    procedure_name     text        NOT NULL,
    agency_code        text        NOT NULL,
    fees               jsonb       NOT NULL,
    amount             bigint      NOT NULL CHECK (amount > 0),
    state              text        NOT NULL CHECK (state IN ('REQUESTED', 'PENDING', 'PAID', 'FAILED', 'CANCELLED')),
    requested_by       text        NOT NULL,
    requested_at       timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    attempts           integer     NOT NULL DEFAULT 0,
    transaction_id     text,
    paid_at            timestamptz,
    confirmed_by       text CHECK (confirmed_by IN ('NOTIFICATION', 'STATUS_QUERY')),
    receipt_number     text UNIQUE,
    receipt_sha256     text,
    CHECK (state <> 'PAID' OR (transaction_id IS NOT NULL AND paid_at IS NOT NULL AND receipt_sha256 IS NOT NULL))
);
-- idempotent per dossier: at most one payment that is not cancelled
CREATE UNIQUE INDEX payment_one_open_per_dossier ON payment (dossier_id) WHERE state <> 'CANCELLED';
CREATE INDEX payment_by_dossier_code ON payment (dossier_code);
CREATE INDEX payment_paid_at ON payment (paid_at) WHERE state = 'PAID';

CREATE SEQUENCE payment_receipt_number;

-- every genuine (signed) notification or status answer from PayGov, and what the platform made of it
CREATE TABLE payment_notification (
    id              bigserial PRIMARY KEY,
    payment_id      uuid REFERENCES payment (id),
    order_id        text        NOT NULL,
    transaction_id  text        NOT NULL,
    amount          bigint      NOT NULL,
    status          text        NOT NULL,
    source          text        NOT NULL CHECK (source IN ('NOTIFICATION', 'STATUS_QUERY')),
    outcome         text        NOT NULL,
    received_at     timestamptz NOT NULL
);
CREATE INDEX payment_notification_by_payment ON payment_notification (payment_id);
CREATE INDEX payment_notification_mismatches ON payment_notification (received_at) WHERE outcome <> 'ACCEPTED' AND outcome <> 'REPEATED';

CREATE TABLE payment_reconciliation (
    id               uuid PRIMARY KEY,
    business_date    date        NOT NULL,
    run_at           timestamptz NOT NULL,
    run_by           text        NOT NULL,
    paygov_rows      integer     NOT NULL,
    platform_paid    integer     NOT NULL,
    mismatches       integer     NOT NULL,
    file_checksum    text        NOT NULL
);
CREATE INDEX payment_reconciliation_by_date ON payment_reconciliation (business_date, run_at DESC);

CREATE TABLE payment_reconciliation_item (
    reconciliation_id uuid    NOT NULL REFERENCES payment_reconciliation (id),
    position          integer NOT NULL,
    kind              text    NOT NULL CHECK (kind IN ('PAID_AT_PAYGOV_ONLY', 'PAID_HERE_ONLY', 'AMOUNT_DIFFERS', 'STATUS_DIFFERS')),
    order_id          text    NOT NULL,
    transaction_id    text,
    dossier_code      text,
    paygov_amount     bigint,
    platform_amount   bigint,
    paygov_status     text,
    platform_state    text,
    PRIMARY KEY (reconciliation_id, position)
);
