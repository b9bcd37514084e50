-- The announcements table is the calendar's history: rows are never deleted, and once written only the
-- end of a row (who ended it, when, why) may be filled in, once.
CREATE FUNCTION calendar_announcement_keep_history() RETURNS trigger
  LANGUAGE plpgsql AS
$$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'calendar_announcement keeps history: end the row instead of deleting it (id %)', OLD.id;
  END IF;
  IF OLD.ended_at IS NOT NULL
     OR (NEW.id, NEW.day, NEW.kind, NEW.reason, NEW.decision_number, NEW.recorded_by, NEW.recorded_at)
        IS DISTINCT FROM (OLD.id, OLD.day, OLD.kind, OLD.reason, OLD.decision_number, OLD.recorded_by, OLD.recorded_at) THEN
    RAISE EXCEPTION 'calendar_announcement keeps history: only the end of a current row may be recorded (id %)', OLD.id;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER calendar_announcement_keep_history
  BEFORE UPDATE OR DELETE ON calendar_announcement
  FOR EACH ROW EXECUTE FUNCTION calendar_announcement_keep_history();
