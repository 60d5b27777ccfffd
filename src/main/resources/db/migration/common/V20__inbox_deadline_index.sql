-- The staff inbox lists requests in (deadline, id) order and pages with a keyset cursor on the
-- same pair, so that a page far down the list costs what the first one does. This index serves
-- the unfiltered list of all requests; the open-request, assignee, type and search indexes are
-- PostgreSQL-only (see db/migration/postgresql/V21).
CREATE INDEX ix_dsr_request_deadline ON dsr_request (effective_deadline, id);
