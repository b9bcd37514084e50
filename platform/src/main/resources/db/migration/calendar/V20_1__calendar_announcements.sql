-- Working-day calendar: the days off and make-up working days the Government announces each year, which override
-- the Labour Code's rule-based holidays. Append-only: a revision or withdrawal ends the current row (ended_*) and,
-- for a revision, adds a new one, so who recorded and who changed what is never lost.
CREATE TABLE calendar_announcement
(
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  day             DATE        NOT NULL,
  kind            TEXT        NOT NULL CHECK (kind IN ('DAY_OFF', 'WORKING_DAY')),
  reason          TEXT        NOT NULL CHECK (btrim(reason) <> '' AND length(reason) <= 500),
  decision_number TEXT        NOT NULL CHECK (btrim(decision_number) <> '' AND length(decision_number) <= 100),
  recorded_by     TEXT        NOT NULL,
  recorded_at     TIMESTAMPTZ NOT NULL,
  ended_by        TEXT,
  ended_at        TIMESTAMPTZ,
  ended_because   TEXT CHECK (ended_because IN ('REVISED', 'WITHDRAWN')),
  CONSTRAINT calendar_announcement_ended_completely
    CHECK ((ended_at IS NULL) = (ended_by IS NULL) AND (ended_at IS NULL) = (ended_because IS NULL))
);

-- at most one announcement in force per date; also what makes two concurrent edits of one date collide
CREATE UNIQUE INDEX calendar_announcement_current_day ON calendar_announcement (day) WHERE ended_at IS NULL;
CREATE INDEX calendar_announcement_day ON calendar_announcement (day);

COMMENT ON TABLE calendar_announcement IS 'Announced days off (DAY_OFF) and make-up working days (WORKING_DAY) for officials; history kept';
COMMENT ON COLUMN calendar_announcement.decision_number IS 'The announcing document, e.g. Thông báo 6150/TB-BLĐTBXH';
