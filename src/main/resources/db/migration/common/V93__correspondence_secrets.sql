-- The correspondence log keeps mails with their link secrets masked: the bodies hold a
-- placeholder, and the secrets themselves wait here, encrypted, only until the mail is sent or
-- given up.

ALTER TABLE correspondence ADD COLUMN secrets VARCHAR(4000);
