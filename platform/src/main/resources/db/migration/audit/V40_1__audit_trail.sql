-- Audit trail: an append-only, hash-chained record of who did what, when, from where and with what outcome.
--
-- audit_pending   what modules recorded, written in their own transaction (one cheap INSERT, no lock);
-- audit_entry     the chain: the sealer moves pending rows here in batches, numbering them 1, 2, 3, … without gaps
--                 and hashing each with its predecessor's hash;
-- audit_chain_head the last sequence number and hash: its row lock serializes sealing across nodes;
-- audit_checkpoint where verification starts after a retention purge (the last purged entry's number and hash).
--
-- hash = lowercase hex SHA-256 of the UTF-8 bytes of the entry's canonical JSON (RFC 8785 style: keys sorted,
-- no whitespace, only strings, one integer and null), with these keys, all always present:
--   v (1), sequence, at (UTC, exactly 6 fraction digits: 2026-11-27T07:13:00.123456Z), actor {id, name, roles
--   (sorted array), agency}, action, objectType, objectId, changedFields {field: {before, after}}, outcome,
--   sourceIp, userAgent, requestId, details {key: value}, previousHash.
-- The Java side (CanonicalJson, ChainHash) is the reference; the JSON-lines export carries the same object plus
-- "hash", so anyone can recompute it.

CREATE TABLE audit_pending
(
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at             TIMESTAMPTZ NOT NULL,
  actor_id       TEXT,
  actor_name     TEXT,
  actor_roles    TEXT[]      NOT NULL,
  actor_agency   TEXT,
  action         TEXT        NOT NULL,
  object_type    TEXT,
  object_id      TEXT,
  changed_fields JSONB       NOT NULL,
  outcome        TEXT        NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILURE', 'DENIED')),
  source_ip      TEXT,
  user_agent     TEXT,
  request_id     TEXT,
  details        JSONB       NOT NULL
);

CREATE TABLE audit_entry
(
  sequence_number BIGINT PRIMARY KEY CHECK (sequence_number > 0),
  at              TIMESTAMPTZ NOT NULL,
  actor_id        TEXT,
  actor_name      TEXT,
  actor_roles     TEXT[]      NOT NULL,
  actor_agency    TEXT,
  action          TEXT        NOT NULL,
  object_type     TEXT,
  object_id       TEXT,
  changed_fields  JSONB       NOT NULL,
  outcome         TEXT        NOT NULL,
  source_ip       TEXT,
  user_agent      TEXT,
  request_id      TEXT,
  details         JSONB       NOT NULL,
  previous_hash   CHAR(64)    NOT NULL,
  hash            CHAR(64)    NOT NULL
);

CREATE INDEX audit_entry_at ON audit_entry (at);
CREATE INDEX audit_entry_actor ON audit_entry (actor_id, sequence_number);
CREATE INDEX audit_entry_action ON audit_entry (action, sequence_number);
CREATE INDEX audit_entry_object ON audit_entry (object_type, object_id, sequence_number);

CREATE TABLE audit_chain_head
(
  id            SMALLINT PRIMARY KEY CHECK (id = 1),
  last_sequence BIGINT   NOT NULL,
  last_hash     CHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, last_sequence, last_hash) VALUES (1, 0, repeat('0', 64));

CREATE TABLE audit_checkpoint
(
  sequence_number BIGINT PRIMARY KEY,
  hash            CHAR(64)    NOT NULL,
  cutoff          TIMESTAMPTZ NOT NULL,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- How far the syslog shipper has sent the chain (one row per destination name).
CREATE TABLE audit_shipping_cursor
(
  name          TEXT PRIMARY KEY,
  last_sequence BIGINT      NOT NULL,
  updated_at    TIMESTAMPTZ NOT NULL
);

-- Entries are never changed. They are deleted only by the module's retention purge, which sets the transaction-local
-- egov.audit_purge = 'on' and may only remove entries a checkpoint already covers.
CREATE FUNCTION audit_entry_append_only() RETURNS trigger
  LANGUAGE plpgsql AS
$$
BEGIN
  IF TG_OP = 'DELETE'
     AND current_setting('egov.audit_purge', true) = 'on'
     AND OLD.sequence_number <= (SELECT coalesce(max(sequence_number), 0) FROM audit_checkpoint) THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION 'audit_entry is append-only: TRUNCATE refused';
  END IF;
  RAISE EXCEPTION 'audit_entry is append-only: % of entry % refused', TG_OP, OLD.sequence_number;
END;
$$;

CREATE TRIGGER audit_entry_append_only
  BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_entry_no_truncate
  BEFORE TRUNCATE ON audit_entry
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();

CREATE FUNCTION audit_checkpoint_append_only() RETURNS trigger
  LANGUAGE plpgsql AS
$$
BEGIN
  RAISE EXCEPTION 'audit_checkpoint is append-only: % refused', TG_OP;
END;
$$;

CREATE TRIGGER audit_checkpoint_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_checkpoint
  FOR EACH STATEMENT EXECUTE FUNCTION audit_checkpoint_append_only();

COMMENT ON TABLE audit_entry IS 'Audit trail: append-only, hash-chained (see V40_1 for the canonical form)';
COMMENT ON COLUMN audit_entry.previous_hash IS 'hash of entry sequence_number - 1 (or of the checkpoint; 64 zeros for the first)';
