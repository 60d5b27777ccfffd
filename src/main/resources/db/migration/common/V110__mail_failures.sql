-- Mail that is given up (refused for good by the mail server, an invalid address, or failing
-- for longer than dsr.mail.dispatch.retry-for) stays FAILED and is listed for staff until it
-- is sent again or marked as handled another way (dismissed). Erased mail counts as handled.
-- resent_at restarts the retry period when staff send a mail again.

ALTER TABLE correspondence ADD COLUMN failed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE correspondence ADD COLUMN dismissed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE correspondence ADD COLUMN resent_at TIMESTAMP WITH TIME ZONE;

UPDATE correspondence SET failed_at = next_attempt_at WHERE status = 'FAILED';
UPDATE correspondence SET dismissed_at = next_attempt_at WHERE status = 'FAILED' AND recipient = 'erased';

-- The dispatcher takes due mail queued longest first; health counts old queued and failed
-- notices; the staff list shows failed mail newest first.
CREATE INDEX ix_correspondence_queue ON correspondence (status, created_at, id);
