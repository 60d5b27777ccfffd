-- A request made by a representative can wait for proof of their authority to act for the person
-- (Art. 12(2) and 12(6) GDPR; EDPB Guidelines 01/2022): a third pause ground, which stops the clock like identity.
ALTER TABLE request_pause DROP CONSTRAINT ck_request_pause_ground;
ALTER TABLE request_pause ADD CONSTRAINT ck_request_pause_ground CHECK (ground IN ('IDENTITY', 'SCOPE', 'AUTHORITY'));
