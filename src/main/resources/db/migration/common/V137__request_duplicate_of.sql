-- A request closed as a duplicate (status DUPLICATE) names the request answered instead.
-- The status check constraint follows RequestStatus through RequestStatusSchema.
ALTER TABLE dsr_request ADD COLUMN duplicate_of BIGINT;
ALTER TABLE dsr_request ADD CONSTRAINT fk_dsr_request_duplicate_of
    FOREIGN KEY (duplicate_of) REFERENCES dsr_request (id) ON DELETE SET NULL;
CREATE INDEX ix_dsr_request_duplicate_of ON dsr_request (duplicate_of);
