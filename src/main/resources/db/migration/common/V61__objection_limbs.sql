-- Objections by limb (Art. 21): a location says whether its purpose is direct marketing,
-- where an objection is absolute (Art. 21(3)); an objection overridden on compelling
-- legitimate grounds records our interest and the person's particular situation (the
-- task's summary says why ours prevails).
ALTER TABLE data_location ADD COLUMN direct_marketing boolean DEFAULT FALSE NOT NULL;
ALTER TABLE location_task ADD COLUMN objection_interest varchar(4000);
ALTER TABLE location_task ADD COLUMN objection_situation varchar(4000);
-- The outcome "continues only for legal claims" (Art. 21(1), second limb).
ALTER TABLE location_task ALTER COLUMN outcome SET DATA TYPE VARCHAR(40);
ALTER TABLE location_task DROP CONSTRAINT ck_location_task_outcome;
ALTER TABLE location_task ADD CONSTRAINT ck_location_task_outcome CHECK (outcome IN ('NOT_FOUND', 'FOUND', 'ERASED',
    'RETAINED', 'PARTLY_ERASED', 'PROCESSING_STOPPED', 'CONTINUES', 'CONTINUES_FOR_LEGAL_CLAIMS', 'DONE',
    'NOT_POSSIBLE'));
