-- An official's mobile number, for the alerts sent by SMS (an overdue step to the unit's heads). Personal data: sealed
-- with the personal-data keys (purpose identity.official.mobile), like the citizens' phone numbers.
ALTER TABLE official_account ADD COLUMN mobile_sealed TEXT;
