-- Citizens and businesses, who log in through the national identity system (VNeID). One person, one account,
-- found by a keyed lookup of the personal identification number; the number, address and phone are sealed.
CREATE TABLE citizen_account (
    id                    UUID         PRIMARY KEY,
    personal_id_lookup    VARCHAR(64)  NOT NULL UNIQUE,
    personal_id_sealed    TEXT         NOT NULL,
    full_name             VARCHAR(200) NOT NULL,
    birth_date            DATE,
    sex                   VARCHAR(10),
    address_sealed        TEXT,
    phone_sealed          TEXT,
    email                 VARCHAR(200),
    identity_level        SMALLINT,
    vneid_subject         VARCHAR(200) NOT NULL,
    created_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_login_at         TIMESTAMPTZ
);

-- A business (or other organization) account, keyed by its tax code, and the people who represent it.
CREATE TABLE business_account (
    id          UUID         PRIMARY KEY,
    tax_code    VARCHAR(14)  NOT NULL UNIQUE,
    name        VARCHAR(300) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE business_representative (
    business_id   UUID         NOT NULL REFERENCES business_account (id),
    citizen_id    UUID         NOT NULL REFERENCES citizen_account (id),
    role          VARCHAR(100),
    source        VARCHAR(20)  NOT NULL,
    confirmed_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    ended_at      TIMESTAMPTZ,
    PRIMARY KEY (business_id, citizen_id)
);
