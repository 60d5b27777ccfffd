-- The dashboard's kept counts (V29) without a hot row. With one counter row per key, every request
-- received the same day updated the same rows (the day's deadline and the day's type), so
-- concurrent intakes waited on each other's row lock until commit: the public form fell from
-- 226 to 93 submissions a second (bench/intake.sh 20s 8). Each key now has up to 16 rows, one per
-- slot, and a transaction writes the slot of its database connection (pg_backend_pid() % 16), so
-- two transactions running at the same time almost never touch the same row. Readers already sum
-- over the rows of a key; a rebuild writes slot 0, and dashboard_fold_slots() (below, run every few
-- minutes) folds the other slots back into it.

ALTER TABLE dashboard_running_deadline ADD COLUMN slot SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE dashboard_running_deadline DROP CONSTRAINT dashboard_running_deadline_pkey;
ALTER TABLE dashboard_running_deadline ADD PRIMARY KEY (effective_deadline, slot);

ALTER TABLE dashboard_received ADD COLUMN slot SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE dashboard_received DROP CONSTRAINT dashboard_received_pkey;
ALTER TABLE dashboard_received ADD PRIMARY KEY (receipt_date, type, slot);

ALTER TABLE dashboard_answered ADD COLUMN slot SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE dashboard_answered DROP CONSTRAINT dashboard_answered_pkey;
ALTER TABLE dashboard_answered ADD PRIMARY KEY (closed_on, days, on_time, status, ground, slot);

CREATE OR REPLACE FUNCTION dashboard_count_running(r dsr_request, delta INTEGER) RETURNS VOID AS $$
BEGIN
    IF r.status IN ('UNVERIFIED', 'NEW', 'IN_PROGRESS') THEN
        INSERT INTO dashboard_running_deadline (effective_deadline, slot, n)
        VALUES (r.effective_deadline, pg_backend_pid() % 16, delta)
        ON CONFLICT (effective_deadline, slot) DO UPDATE SET n = dashboard_running_deadline.n + EXCLUDED.n;
    END IF;
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION dashboard_count_received(r dsr_request, delta INTEGER) RETURNS VOID AS $$
BEGIN
    IF r.status NOT IN ('UNVERIFIED', 'EXPIRED') THEN
        INSERT INTO dashboard_received (receipt_date, type, slot, n)
        VALUES (r.receipt_date, r.type, pg_backend_pid() % 16, delta)
        ON CONFLICT (receipt_date, type, slot) DO UPDATE SET n = dashboard_received.n + EXCLUDED.n;
    END IF;
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION dashboard_count_answered(r dsr_request, delta INTEGER) RETURNS VOID AS $$
DECLARE
    zone        TEXT;
    answered_on DATE;
BEGIN
    IF r.status IN ('COMPLETED', 'REJECTED') AND r.closed_at IS NOT NULL THEN
        SELECT time_zone INTO zone FROM dashboard_setting WHERE id = 1;
        IF zone IS NULL THEN
            -- Not yet set: the application sets it at startup and then rebuilds from dsr_request.
            RETURN;
        END IF;
        answered_on := CAST(r.closed_at AT TIME ZONE zone AS DATE);
        INSERT INTO dashboard_answered (closed_on, days, on_time, status, ground, slot, n)
        VALUES (answered_on, answered_on - r.receipt_date, answered_on <= r.effective_deadline, r.status,
                COALESCE(r.rejection_ground, ''), pg_backend_pid() % 16, delta)
        ON CONFLICT (closed_on, days, on_time, status, ground, slot)
        DO UPDATE SET n = dashboard_answered.n + EXCLUDED.n;
    END IF;
END
$$ LANGUAGE plpgsql;

-- Folds every slot of a key into slot 0, keeping each key's sum, so that readers stay at one row
-- per key however many connections wrote (DashboardRollup runs it every few minutes). A writer that
-- meets a row being folded waits for its lock and then inserts a fresh row for its slot.
CREATE FUNCTION dashboard_fold_slots() RETURNS VOID AS $$
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

    -- Keys whose count came back to zero (a request counted in and out again) are dropped.
    DELETE FROM dashboard_running_deadline WHERE n = 0;
    DELETE FROM dashboard_received WHERE n = 0;
    DELETE FROM dashboard_answered WHERE n = 0;
END
$$ LANGUAGE plpgsql;
