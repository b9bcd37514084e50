-- Procedure routes (quy trình nội bộ): a route per procedure (and optionally per receiving agency), its versions as
-- BPMN 2.0 with their steps; published versions are deployed to the process engine and never change.
CREATE TABLE route
(
  id             UUID PRIMARY KEY,
  procedure_code TEXT        NOT NULL,
  agency_code    TEXT,
  name           TEXT        NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 300),
  demonstration  BOOLEAN     NOT NULL DEFAULT FALSE,
  created_by     TEXT        NOT NULL,
  created_at     TIMESTAMPTZ NOT NULL
);
-- one route per procedure and receiving agency (NULL agency: every implementing agency)
CREATE UNIQUE INDEX route_procedure_agency ON route (procedure_code, coalesce(agency_code, ''));

CREATE TABLE route_version
(
  id                    UUID PRIMARY KEY,
  route_id              UUID        NOT NULL REFERENCES route (id),
  version               INT         NOT NULL CHECK (version > 0),
  status                TEXT        NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'RETIRED')),
  generated             BOOLEAN     NOT NULL,
  bpmn_xml              TEXT        NOT NULL,
  -- the form a generated version was built from (to edit it again); NULL for an uploaded BPMN
  form                  JSONB,
  steps                 JSONB       NOT NULL,
  total_minutes         BIGINT      NOT NULL CHECK (total_minutes >= 0),
  created_by            TEXT        NOT NULL,
  created_at            TIMESTAMPTZ NOT NULL,
  deployment_id         TEXT,
  process_definition_id TEXT UNIQUE,
  published_by          TEXT,
  published_at          TIMESTAMPTZ,
  retired_by            TEXT,
  retired_at            TIMESTAMPTZ,
  CONSTRAINT route_version_number UNIQUE (route_id, version),
  CONSTRAINT route_version_published CHECK (status = 'DRAFT' OR (process_definition_id IS NOT NULL AND published_at IS NOT NULL)),
  CONSTRAINT route_version_retired CHECK ((status = 'RETIRED') = (retired_at IS NOT NULL))
);
CREATE INDEX route_version_route ON route_version (route_id, status, version DESC);

-- a published version never changes: only its status may go from PUBLISHED to RETIRED
CREATE FUNCTION route_version_immutable() RETURNS trigger AS
$$
BEGIN
  IF OLD.status <> 'DRAFT' AND (NEW.bpmn_xml IS DISTINCT FROM OLD.bpmn_xml OR NEW.steps IS DISTINCT FROM OLD.steps
      OR NEW.version IS DISTINCT FROM OLD.version OR NEW.process_definition_id IS DISTINCT FROM OLD.process_definition_id
      OR NEW.route_id IS DISTINCT FROM OLD.route_id OR NEW.total_minutes IS DISTINCT FROM OLD.total_minutes) THEN
    RAISE EXCEPTION 'route version % is published and cannot change', OLD.id;
  END IF;
  IF OLD.status = 'RETIRED' AND NEW.status <> 'RETIRED' THEN
    RAISE EXCEPTION 'route version % is retired', OLD.id;
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER route_version_immutable
  BEFORE UPDATE ON route_version
  FOR EACH ROW EXECUTE FUNCTION route_version_immutable();

-- DMN 1.3 decision tables that routes call by key (service task egov:decision); versions, the latest published applies
CREATE TABLE route_decision
(
  id           UUID PRIMARY KEY,
  decision_key TEXT        NOT NULL CHECK (decision_key ~ '^[A-Za-z][A-Za-z0-9_.-]{0,99}$'),
  version      INT         NOT NULL CHECK (version > 0),
  name         TEXT        NOT NULL,
  dmn_xml      TEXT        NOT NULL,
  outputs      TEXT[]      NOT NULL,
  published    BOOLEAN     NOT NULL,
  demonstration BOOLEAN    NOT NULL DEFAULT FALSE,
  created_by   TEXT        NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL,
  CONSTRAINT route_decision_version UNIQUE (decision_key, version)
);

COMMENT ON TABLE route IS 'A procedure''s internal process (quy trình nội bộ), optionally for one receiving agency';
COMMENT ON TABLE route_version IS 'Versions of a route: BPMN 2.0 XML and its steps; PUBLISHED ones are deployed to Flowable and immutable';
COMMENT ON TABLE route_decision IS 'DMN 1.3 decision tables evaluated by the routeDecisions service task';
