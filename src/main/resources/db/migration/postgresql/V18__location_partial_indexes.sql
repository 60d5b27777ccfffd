-- The location sweep walks holds that are due and not yet reminded in (date, id) order; a partial
-- index keeps that a short range scan however many holds have been reminded or erased.
CREATE INDEX ix_retention_hold_due ON retention_hold (retained_until, id)
    WHERE erased_at IS NULL AND reminded_at IS NULL;
