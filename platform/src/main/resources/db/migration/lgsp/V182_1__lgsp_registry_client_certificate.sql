-- Mutual TLS, optional per consumer system: the TLS client certificates an LGSP operator registered for a system.
-- When a system has any, the gateway refuses its calls unless the TLS client certificate presented is one of them
-- (matched by SHA-256 thumbprint, the form of RFC 8705's x5t#S256). Removal keeps the row (who, when, why).
CREATE TABLE lgsp_registry_client_certificate
(
  id              UUID PRIMARY KEY,
  subsystem_id    UUID        NOT NULL REFERENCES lgsp_registry_subsystem (id),
  thumbprint      TEXT        NOT NULL CHECK (thumbprint ~ '^[A-Za-z0-9_-]{43}$'),
  subject         TEXT        NOT NULL CHECK (length(subject) <= 2000),
  issuer          TEXT        NOT NULL CHECK (length(issuer) <= 2000),
  serial_number   TEXT        NOT NULL,
  not_before      TIMESTAMPTZ NOT NULL,
  not_after       TIMESTAMPTZ NOT NULL CHECK (not_after > not_before),
  pem             TEXT        NOT NULL,
  registered_by   TEXT        NOT NULL,
  registered_at   TIMESTAMPTZ NOT NULL,
  removed_by      TEXT,
  removed_at      TIMESTAMPTZ,
  removed_because TEXT
);
COMMENT ON COLUMN lgsp_registry_client_certificate.thumbprint IS 'base64url (no padding) SHA-256 of the certificate''s DER bytes';
-- a certificate identifies one system at a time
CREATE UNIQUE INDEX lgsp_registry_client_certificate_current
  ON lgsp_registry_client_certificate (thumbprint) WHERE removed_at IS NULL;
CREATE INDEX lgsp_registry_client_certificate_subsystem ON lgsp_registry_client_certificate (subsystem_id);
