-- A request made by a representative for the person it concerns (Art. 12(2), EDPB
-- Guidelines 01/2022): who the representative is, their authority, and the check of that
-- authority, which gates disclosure as the identity check does. Letters go to them.
ALTER TABLE dsr_request ADD COLUMN representative_name VARCHAR(200);
ALTER TABLE dsr_request ADD COLUMN representative_email VARCHAR(254);
ALTER TABLE dsr_request ADD COLUMN representative_authority VARCHAR(24);
ALTER TABLE dsr_request ADD COLUMN authority_verified_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE dsr_request ADD COLUMN authority_verified_by BIGINT REFERENCES staff_user (id);
ALTER TABLE dsr_request ADD COLUMN authority_note VARCHAR(500);
ALTER TABLE dsr_request ADD CONSTRAINT ck_dsr_request_representative CHECK (
    (representative_name IS NULL AND representative_authority IS NULL AND authority_verified_at IS NULL)
    OR (representative_name IS NOT NULL AND representative_authority IN ('PARENT', 'GUARDIAN',
        'POWER_OF_ATTORNEY', 'OTHER')));
