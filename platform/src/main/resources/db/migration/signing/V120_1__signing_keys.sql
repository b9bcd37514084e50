-- The test certificate authority of development, tests and demonstrations ("CA thử nghiệm — không có giá trị pháp
-- lý"): one row, created at first need; its private key sealed (PersonalDataProtection, purpose signing.test_ca.private_key).
CREATE TABLE signing_test_ca (
    id                 smallint    PRIMARY KEY CHECK (id = 1),
    certificate        bytea       NOT NULL,
    private_key_sealed text        NOT NULL,
    created_at         timestamptz NOT NULL
);

-- Agency certificates the test CA issued; an agency signs with its latest one. Private keys sealed
-- (purpose signing.agency_certificate.private_key). Production keys live in PKCS#12 files or PKCS#11 tokens instead.
CREATE TABLE signing_agency_certificate (
    id                 uuid          PRIMARY KEY,
    agency_code        varchar(40)   NOT NULL,
    agency_name        varchar(300)  NOT NULL,
    subject            varchar(1000) NOT NULL,
    serial             varchar(64)   NOT NULL UNIQUE,
    key_algorithm      varchar(10)   NOT NULL CHECK (key_algorithm IN ('RSA', 'EC')),
    not_before         timestamptz   NOT NULL,
    not_after          timestamptz   NOT NULL,
    certificate        bytea         NOT NULL,
    private_key_sealed text          NOT NULL,
    issued_at          timestamptz   NOT NULL,
    issued_by          varchar(100)  NOT NULL,
    revoked_at         timestamptz,
    revocation_reason  varchar(500)
);
CREATE INDEX signing_agency_certificate_agency ON signing_agency_certificate (agency_code, issued_at DESC);
