-- Retention of closed requests: when a request's personal data was purged (its type, dates and
-- outcome stay, for the statistics), and the legal-claims hold that postpones the purge while
-- the request may be needed to establish, exercise or defend legal claims.

ALTER TABLE dsr_request ADD COLUMN purged_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE dsr_request ADD COLUMN legal_hold_ground VARCHAR(1000);
ALTER TABLE dsr_request ADD COLUMN legal_hold_on DATE;
ALTER TABLE dsr_request ADD CONSTRAINT ck_dsr_request_legal_hold
    CHECK ((legal_hold_ground IS NULL) = (legal_hold_on IS NULL));

-- The daily purge: requests not yet purged, by closing time.
CREATE INDEX ix_dsr_request_retention ON dsr_request (purged_at, closed_at, id);
