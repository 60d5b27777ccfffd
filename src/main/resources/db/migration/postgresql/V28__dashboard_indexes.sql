-- The compliance officer's dashboard (Dashboard): each count reads a partial index and each list
-- its first rows in order; the period figures read covering indexes (index-only scans, no table
-- rows). The status literals here must stay the ones Dashboard writes into its SQL, or the
-- planner cannot match the predicates. H2 has no partial indexes: see h2/V28 (comment only).

-- Overdue and due soon: open requests whose clock runs (not paused), by deadline.
CREATE INDEX ix_dashboard_running_deadline ON dsr_request (effective_deadline, id)
    WHERE status IN ('UNVERIFIED', 'NEW', 'IN_PROGRESS');

-- Extended open requests, by deadline.
CREATE INDEX ix_dashboard_open_extended ON dsr_request (effective_deadline, id)
    WHERE extension_months > 0 AND status IN ('UNVERIFIED', 'NEW', 'IN_PROGRESS', 'AWAITING_SUBJECT');

-- Paused requests, longest paused first: the open pause of each.
CREATE INDEX ix_dashboard_open_pause ON request_pause (paused_on, request_id)
    WHERE resumed_on IS NULL;

-- Retention holds still standing (not erased), by date.
CREATE INDEX ix_dashboard_standing_hold ON retention_hold (retained_until, id)
    WHERE erased_at IS NULL;

-- Requests received by day and type (confirmed or registered ones).
CREATE INDEX ix_dashboard_received ON dsr_request (receipt_date, type)
    WHERE status NOT IN ('UNVERIFIED', 'EXPIRED');

-- Requests answered (completed or rejected) by the instant closed, with what the on-time,
-- days-to-answer and rejection figures need.
CREATE INDEX ix_dashboard_answered ON dsr_request (closed_at)
    INCLUDE (receipt_date, effective_deadline, status, rejection_ground)
    WHERE status IN ('COMPLETED', 'REJECTED');

-- Extensions by the instant decided.
CREATE INDEX ix_dashboard_extended_at ON dsr_request (extended_at)
    INCLUDE (extension_months)
    WHERE extended_at IS NOT NULL;
