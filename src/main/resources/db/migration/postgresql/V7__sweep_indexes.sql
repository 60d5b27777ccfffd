-- Partial indexes for the deadline sweep over open requests whose clock runs: the sweep walks
-- them in (deadline, id) order, so a batch deep into a million rows costs the same as the first.
CREATE INDEX ix_dsr_request_running_deadline ON dsr_request (effective_deadline, id)
    WHERE status IN ('NEW', 'IN_PROGRESS');

CREATE INDEX ix_dsr_request_running_one_month ON dsr_request (one_month_deadline, id)
    WHERE status IN ('NEW', 'IN_PROGRESS') AND extension_months = 0;
