-- Art. 18(3) GDPR: a letter before lifting a restriction that the mail server gave up on did not tell the person.
-- The hold keeps when that happened; the person then counts as not told, and lifting is refused until they are
-- told again (a new mail or a letter recorded as posted). A restriction lifted while the mail was still queued
-- stays lifted, and the page shows that the letter never arrived.
ALTER TABLE restriction_hold ADD COLUMN notice_given_up_at TIMESTAMP WITH TIME ZONE;

ALTER TABLE restriction_hold DROP CONSTRAINT ck_restriction_hold_told_first;
ALTER TABLE restriction_hold ADD CONSTRAINT ck_restriction_hold_told_first CHECK (lifted_at IS NULL
    OR notice_posted_on IS NOT NULL
    OR (notice_queued_at IS NOT NULL AND (notice_given_up_at IS NULL OR notice_given_up_at > lifted_at)));
