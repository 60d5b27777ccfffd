-- Mail whose last attempt found the mail server unreachable, waiting out its back-off. When the
-- server is back (a mail was accepted, or the health probe reached it), such mail is brought
-- forward instead of waiting up to dsr.mail.max-backoff (docs/mail.md). A claim clears the
-- mark, so mail another dispatcher is sending is never brought forward.
ALTER TABLE correspondence ADD COLUMN waiting_for_server BOOLEAN DEFAULT FALSE NOT NULL;
