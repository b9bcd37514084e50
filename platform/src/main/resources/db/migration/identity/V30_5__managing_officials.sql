-- Officials are managed by agency: each account belongs to the agency whose administrator manages it.
ALTER TABLE official_account ADD COLUMN agency_code VARCHAR(64);
UPDATE official_account a SET agency_code = COALESCE(
        (SELECT p.agency_code FROM official_position p WHERE p.account_id = a.id AND p.revoked_at IS NULL ORDER BY p.id LIMIT 1),
        'UBND-20');
ALTER TABLE official_account ALTER COLUMN agency_code SET NOT NULL;
CREATE INDEX official_account_by_agency ON official_account (agency_code);

-- An account created with a generated password: the official must choose their own right after the second factor.
ALTER TABLE official_account ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;

-- When a position was revoked, the account disabled or its second factor reset: sessions and tokens from before end.
ALTER TABLE official_account ADD COLUMN access_changed_at TIMESTAMPTZ NOT NULL DEFAULT now();

CREATE INDEX official_position_by_agency ON official_position (agency_code) WHERE revoked_at IS NULL;
