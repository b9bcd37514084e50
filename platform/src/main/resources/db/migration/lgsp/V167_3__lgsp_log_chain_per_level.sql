-- Each node now keeps one chain per security level (node_id = '<node>:<LEVEL>'), so every chain's records share one
-- retention and the purge only ever deletes a chain's start: records are no longer erased in place.
DROP INDEX lgsp_log_record_level_at;
ALTER TABLE lgsp_log_record DROP COLUMN purged;
