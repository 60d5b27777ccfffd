-- The dashboard's "overdue, person not told" count (Art. 12(3)), kept like the other counts (V29,
-- V30, V44) by the application (DashboardRollup) from the request module's RequestTallyChanged:
-- requests in hand, per the last day on which they are covered, which is their deadline or, when
-- the person was told of a delay, the day they were told to expect the answer if later. The count
-- for a day is the sum over the days before it, so it needs no job at midnight and no scan of the
-- overdue requests (about 100,000 at a million requests: some 240 ms a page). Which statuses are in
-- hand is decided in Java (RequestStatus.IN_HAND), not here.
CREATE TABLE dashboard_overdue_untold (
    covered_until DATE     NOT NULL,
    slot          SMALLINT NOT NULL DEFAULT 0,
    n             BIGINT   NOT NULL,
    PRIMARY KEY (covered_until, slot)
);

-- The same folding as V30, with the new table.
CREATE OR REPLACE FUNCTION dashboard_fold_slots() RETURNS VOID AS $$
BEGIN
    WITH moved AS (DELETE FROM dashboard_running_deadline WHERE slot <> 0 RETURNING effective_deadline, n)
    INSERT INTO dashboard_running_deadline (effective_deadline, slot, n)
    SELECT effective_deadline, 0, sum(n) FROM moved GROUP BY effective_deadline
    ON CONFLICT (effective_deadline, slot) DO UPDATE SET n = dashboard_running_deadline.n + EXCLUDED.n;

    WITH moved AS (DELETE FROM dashboard_received WHERE slot <> 0 RETURNING receipt_date, type, n)
    INSERT INTO dashboard_received (receipt_date, type, slot, n)
    SELECT receipt_date, type, 0, sum(n) FROM moved GROUP BY receipt_date, type
    ON CONFLICT (receipt_date, type, slot) DO UPDATE SET n = dashboard_received.n + EXCLUDED.n;

    WITH moved AS (DELETE FROM dashboard_answered WHERE slot <> 0
                   RETURNING closed_on, days, on_time, status, ground, n)
    INSERT INTO dashboard_answered (closed_on, days, on_time, status, ground, slot, n)
    SELECT closed_on, days, on_time, status, ground, 0, sum(n) FROM moved
    GROUP BY closed_on, days, on_time, status, ground
    ON CONFLICT (closed_on, days, on_time, status, ground, slot) DO UPDATE SET n = dashboard_answered.n + EXCLUDED.n;

    WITH moved AS (DELETE FROM dashboard_overdue_untold WHERE slot <> 0 RETURNING covered_until, n)
    INSERT INTO dashboard_overdue_untold (covered_until, slot, n)
    SELECT covered_until, 0, sum(n) FROM moved GROUP BY covered_until
    ON CONFLICT (covered_until, slot) DO UPDATE SET n = dashboard_overdue_untold.n + EXCLUDED.n;

    -- Keys whose count came back to zero (a request counted in and out again) are dropped.
    DELETE FROM dashboard_running_deadline WHERE n = 0;
    DELETE FROM dashboard_received WHERE n = 0;
    DELETE FROM dashboard_answered WHERE n = 0;
    DELETE FROM dashboard_overdue_untold WHERE n = 0;
END
$$ LANGUAGE plpgsql;

-- The first start after this migration recounts (DashboardRollup), filling the new table.
DELETE FROM dashboard_setting;
