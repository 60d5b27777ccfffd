-- Where letters go by post: the postal address of whom the letters are written to (the
-- person, or the representative when one acts), as lines for a window envelope. A request
-- without an email address is answered by post to this address.
ALTER TABLE dsr_request ADD COLUMN postal_address VARCHAR(500);
