-- The CSV export of requests for a period (issue 7) reads requests by receipt date, in
-- (receipt_date, id) order, streamed: this index lets it walk exactly the period's rows.
CREATE INDEX ix_dsr_request_receipt ON dsr_request (receipt_date, id);
