-- Letters to post: when the person (or the representative) has no email address, every
-- letter to them is stored in the correspondence log like a mail, rendered, with the postal
-- address it goes to, as TO_POST. Staff print it (a PDF for a window envelope) and record the
-- day it was posted (POSTED). The dispatcher only takes QUEUED mail, so a letter is never mailed.
ALTER TABLE correspondence ADD COLUMN postal_address VARCHAR(500);
ALTER TABLE correspondence ADD COLUMN posted_on DATE;
ALTER TABLE correspondence ADD COLUMN posted_by BIGINT REFERENCES staff_user (id);
ALTER TABLE correspondence DROP CONSTRAINT ck_correspondence_status;
ALTER TABLE correspondence ADD CONSTRAINT ck_correspondence_status
    CHECK (status IN ('QUEUED', 'SENT', 'FAILED', 'TO_POST', 'POSTED'));
ALTER TABLE correspondence ADD CONSTRAINT ck_correspondence_posted
    CHECK ((status = 'POSTED') = (posted_on IS NOT NULL)
       AND (status NOT IN ('TO_POST', 'POSTED') OR postal_address IS NOT NULL));
-- Staff's list of letters to post, oldest first, uses ix_correspondence_queue (status, created_at, id).
