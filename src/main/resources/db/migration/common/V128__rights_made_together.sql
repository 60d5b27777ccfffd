-- Several rights in one request: one request per right, for the same person and with the
-- same receipt time; each carries the id of the first of them, so that their pages link
-- one another and one confirmation and one acknowledgement cover them all.
ALTER TABLE dsr_request ADD COLUMN made_with BIGINT REFERENCES dsr_request (id);
CREATE INDEX ix_dsr_request_made_with ON dsr_request (made_with);
