-- Objections by limb (Art. 21): a location says whether its purpose is direct marketing,
-- where an objection is absolute (Art. 21(3)); an objection overridden on compelling
-- legitimate grounds records our interest and the person's particular situation (the
-- task's summary says why ours prevails).
ALTER TABLE data_location ADD COLUMN direct_marketing boolean DEFAULT FALSE NOT NULL;
ALTER TABLE location_task ADD COLUMN objection_interest varchar(4000);
ALTER TABLE location_task ADD COLUMN objection_situation varchar(4000);
