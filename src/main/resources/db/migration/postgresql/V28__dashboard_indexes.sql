-- The compliance officer's dashboard (Dashboard): each count reads a partial index and each list
-- its first rows in order; extensions are counted on a covering index (an index-only scan).
-- Requests received and answered are counted in the tables of V29. The status literals here
-- must stay the ones Dashboard writes into its SQL, or the planner cannot match the predicates.
-- H2 has no partial indexes: see h2/V28 (comment only).

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

-- Extensions by the instant decided.
CREATE INDEX ix_dashboard_extended_at ON dsr_request (extended_at)
    INCLUDE (extension_months)
    WHERE extended_at IS NOT NULL;
