-- LGSP service registry: members (agencies and national systems), their systems (subsystems), services with versions
-- and lifecycle, access requests and the access rights they grant. The gateway answers from a memory snapshot that
-- is reloaded when lgsp_registry_generation grows (every change bumps it in the change's own transaction).
CREATE TABLE lgsp_registry_member
(
  id          UUID PRIMARY KEY,
  code        TEXT        NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' AND position('..' IN code) = 0),
  name        TEXT        NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 300),
  kind        TEXT        NOT NULL CHECK (kind IN ('PROVINCIAL_AGENCY', 'NATIONAL_SYSTEM', 'OTHER')),
  agency_code TEXT,
  created_by  TEXT        NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL
);
COMMENT ON COLUMN lgsp_registry_member.agency_code IS 'The member''s agency in the shared agencies catalog, when it is one';

CREATE TABLE lgsp_registry_subsystem
(
  id         UUID PRIMARY KEY,
  member_id  UUID        NOT NULL REFERENCES lgsp_registry_member (id),
  code       TEXT        NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' AND position('..' IN code) = 0),
  name       TEXT        NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 300),
  client_id  TEXT UNIQUE,
  created_by TEXT        NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  UNIQUE (member_id, code)
);
COMMENT ON COLUMN lgsp_registry_subsystem.client_id IS 'The SSO client (client credentials) the system calls with';

CREATE TABLE lgsp_registry_service
(
  id                UUID PRIMARY KEY,
  subsystem_id      UUID        NOT NULL REFERENCES lgsp_registry_subsystem (id),
  code              TEXT        NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' AND position('..' IN code) = 0),
  version           TEXT        NOT NULL CHECK (version ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' AND position('..' IN version) = 0),
  protocol          TEXT        NOT NULL CHECK (protocol IN ('REST', 'SOAP')),
  name              TEXT        NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 300),
  description       TEXT        NOT NULL DEFAULT '',
  owner             TEXT        NOT NULL DEFAULT '',
  security_level    TEXT        NOT NULL CHECK (security_level IN ('PUBLIC', 'INTERNAL', 'CONFIDENTIAL')),
  sla               TEXT        NOT NULL DEFAULT '',
  endpoint          TEXT        NOT NULL,
  document          TEXT,
  state             TEXT        NOT NULL CHECK (state IN ('DRAFT', 'TESTING', 'PUBLISHED', 'DEPRECATED', 'RETIRED')),
  log_bodies        BOOLEAN     NOT NULL DEFAULT FALSE,
  timeout_millis    INTEGER     NOT NULL CHECK (timeout_millis BETWEEN 100 AND 300000),
  rate_per_second   INTEGER     NOT NULL CHECK (rate_per_second BETWEEN 1 AND 100000),
  burst             INTEGER     NOT NULL CHECK (burst BETWEEN 1 AND 1000000),
  max_request_bytes BIGINT      NOT NULL CHECK (max_request_bytes BETWEEN 0 AND 1073741824),
  created_by        TEXT        NOT NULL,
  created_at        TIMESTAMPTZ NOT NULL,
  updated_at        TIMESTAMPTZ NOT NULL,
  UNIQUE (subsystem_id, code, version)
);
COMMENT ON COLUMN lgsp_registry_service.endpoint IS 'The provider''s internal base URL: never shown in the public catalog';
COMMENT ON COLUMN lgsp_registry_service.document IS 'OpenAPI (REST) or WSDL (SOAP) text';

-- every lifecycle change, with who, when and why
CREATE TABLE lgsp_registry_service_history
(
  id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  service_id UUID        NOT NULL REFERENCES lgsp_registry_service (id),
  from_state TEXT,
  to_state   TEXT        NOT NULL,
  reason     TEXT        NOT NULL,
  changed_by TEXT        NOT NULL,
  changed_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX lgsp_registry_service_history_service ON lgsp_registry_service_history (service_id, changed_at);

-- a consumer system asks for a service (whole or named operations, one a line) with a purpose; the provider decides
CREATE TABLE lgsp_registry_access_request
(
  id           UUID PRIMARY KEY,
  consumer_id  UUID        NOT NULL REFERENCES lgsp_registry_subsystem (id),
  service_id   UUID        NOT NULL REFERENCES lgsp_registry_service (id),
  operations   TEXT        NOT NULL CHECK (btrim(operations) <> ''),
  purpose      TEXT        NOT NULL CHECK (btrim(purpose) <> '' AND length(purpose) <= 1000),
  state        TEXT        NOT NULL CHECK (state IN ('PENDING', 'APPROVED', 'REFUSED')),
  requested_by TEXT        NOT NULL,
  requested_at TIMESTAMPTZ NOT NULL,
  decided_by   TEXT,
  decided_at   TIMESTAMPTZ,
  decision     TEXT
);
CREATE INDEX lgsp_registry_access_request_pending ON lgsp_registry_access_request (service_id) WHERE state = 'PENDING';

-- a right of a consumer for a service's operation: '*' (the whole service), 'METHOD /path/pattern' ('*' matches one
-- segment, a last '**' the rest) or a SOAP operation name
CREATE TABLE lgsp_registry_access_right
(
  id          UUID PRIMARY KEY,
  consumer_id UUID        NOT NULL REFERENCES lgsp_registry_subsystem (id),
  service_id  UUID        NOT NULL REFERENCES lgsp_registry_service (id),
  operation   TEXT        NOT NULL CHECK (btrim(operation) <> '' AND length(operation) <= 300),
  request_id  UUID REFERENCES lgsp_registry_access_request (id),
  granted_by  TEXT        NOT NULL,
  granted_at  TIMESTAMPTZ NOT NULL,
  revoked_by  TEXT,
  revoked_at  TIMESTAMPTZ,
  revoked_because TEXT
);
CREATE INDEX lgsp_registry_access_right_service ON lgsp_registry_access_right (service_id);
CREATE UNIQUE INDEX lgsp_registry_access_right_current
  ON lgsp_registry_access_right (consumer_id, service_id, operation) WHERE revoked_at IS NULL;

-- one row: grows with every change, so that every node knows when to reload its snapshot
CREATE TABLE lgsp_registry_generation
(
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  value BIGINT NOT NULL
);
INSERT INTO lgsp_registry_generation (id, value) VALUES (1, 1);
