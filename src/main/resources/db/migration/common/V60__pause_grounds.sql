-- A pause has a ground: identity (Art. 12(6)) or a clarification of scope (Recital 63).
-- Pauses before this migration were taken as identity pauses, which stopped the clock.
ALTER TABLE request_pause ADD COLUMN ground varchar(20) DEFAULT 'IDENTITY' NOT NULL;
ALTER TABLE request_pause ADD CONSTRAINT ck_request_pause_ground CHECK (ground IN ('IDENTITY', 'SCOPE'));
ALTER TABLE request_pause ADD COLUMN justification varchar(2000);
ALTER TABLE request_pause ADD COLUMN stops_clock boolean DEFAULT TRUE NOT NULL;
