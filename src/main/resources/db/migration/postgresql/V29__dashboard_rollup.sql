-- The dashboard's counts, kept as requests change: open requests whose clock runs per deadline
-- (for the overdue and due-soon counts), requests received per day and type, and requests
-- answered per day answered, days to answer, on time or not, status and ground.
-- Triggers on dsr_request keep both exactly right in the same transaction as the change, whatever
-- writes it (the application, a bulk load, psql); reading a year is then a few thousand rows
-- instead of half a million. The day answered is closed_at in the controller's time zone, which
-- the application writes into dashboard_setting at startup, rebuilding both tables from
-- dsr_request when it differs (see DashboardRollup). H2 has no such triggers: there the dashboard
-- counts from dsr_request directly (see h2/V29).

CREATE TABLE dashboard_setting (
    id        INTEGER     PRIMARY KEY CHECK (id = 1),
    time_zone VARCHAR(64) NOT NULL
);

-- Open requests whose clock runs (unconfirmed, new, in progress), per effective deadline.
CREATE TABLE dashboard_running_deadline (
    effective_deadline DATE   NOT NULL PRIMARY KEY,
    n                  BIGINT NOT NULL
);

-- Requests received: every status except unconfirmed and expired web requests.
CREATE TABLE dashboard_received (
    receipt_date DATE        NOT NULL,
    type         VARCHAR(16) NOT NULL,
    n            BIGINT      NOT NULL,
    PRIMARY KEY (receipt_date, type)
);

-- Requests answered: completed or rejected. ground is '' when none was recorded.
CREATE TABLE dashboard_answered (
    closed_on DATE        NOT NULL,
    days      INTEGER     NOT NULL,
    on_time   BOOLEAN     NOT NULL,
    status    VARCHAR(20) NOT NULL,
    ground    VARCHAR(30) NOT NULL,
    n         BIGINT      NOT NULL,
    PRIMARY KEY (closed_on, days, on_time, status, ground)
);

CREATE FUNCTION dashboard_count_running(r dsr_request, delta INTEGER) RETURNS VOID AS $$
BEGIN
    IF r.status IN ('UNVERIFIED', 'NEW', 'IN_PROGRESS') THEN
        INSERT INTO dashboard_running_deadline (effective_deadline, n) VALUES (r.effective_deadline, delta)
        ON CONFLICT (effective_deadline) DO UPDATE SET n = dashboard_running_deadline.n + EXCLUDED.n;
    END IF;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION dashboard_count_received(r dsr_request, delta INTEGER) RETURNS VOID AS $$
BEGIN
    IF r.status NOT IN ('UNVERIFIED', 'EXPIRED') THEN
        INSERT INTO dashboard_received (receipt_date, type, n) VALUES (r.receipt_date, r.type, delta)
        ON CONFLICT (receipt_date, type) DO UPDATE SET n = dashboard_received.n + EXCLUDED.n;
    END IF;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION dashboard_count_answered(r dsr_request, delta INTEGER) RETURNS VOID AS $$
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
        INSERT INTO dashboard_answered (closed_on, days, on_time, status, ground, n)
        VALUES (answered_on, answered_on - r.receipt_date, answered_on <= r.effective_deadline, r.status,
                COALESCE(r.rejection_ground, ''), delta)
        ON CONFLICT (closed_on, days, on_time, status, ground) DO UPDATE SET n = dashboard_answered.n + EXCLUDED.n;
    END IF;
END
$$ LANGUAGE plpgsql;

-- Counts a row out (its old values) and in (its new values), only where a counted value changed,
-- so that the many updates that do not (assigning, notes, a moved deadline of an open request)
-- write nothing here.
CREATE FUNCTION dashboard_track() RETURNS TRIGGER AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM dashboard_count_running(NEW, 1);
        PERFORM dashboard_count_received(NEW, 1);
        PERFORM dashboard_count_answered(NEW, 1);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM dashboard_count_running(OLD, -1);
        PERFORM dashboard_count_received(OLD, -1);
        PERFORM dashboard_count_answered(OLD, -1);
    ELSE
        IF ROW(OLD.status IN ('UNVERIFIED', 'NEW', 'IN_PROGRESS'), OLD.effective_deadline)
           IS DISTINCT FROM ROW(NEW.status IN ('UNVERIFIED', 'NEW', 'IN_PROGRESS'), NEW.effective_deadline) THEN
            PERFORM dashboard_count_running(OLD, -1);
            PERFORM dashboard_count_running(NEW, 1);
        END IF;
        IF ROW(OLD.status NOT IN ('UNVERIFIED', 'EXPIRED'), OLD.receipt_date, OLD.type)
           IS DISTINCT FROM ROW(NEW.status NOT IN ('UNVERIFIED', 'EXPIRED'), NEW.receipt_date, NEW.type) THEN
            PERFORM dashboard_count_received(OLD, -1);
            PERFORM dashboard_count_received(NEW, 1);
        END IF;
        IF (OLD.status IN ('COMPLETED', 'REJECTED') OR NEW.status IN ('COMPLETED', 'REJECTED'))
           AND ROW(OLD.status, OLD.closed_at, OLD.receipt_date, OLD.effective_deadline, OLD.rejection_ground)
               IS DISTINCT FROM ROW(NEW.status, NEW.closed_at, NEW.receipt_date, NEW.effective_deadline, NEW.rejection_ground) THEN
            PERFORM dashboard_count_answered(OLD, -1);
            PERFORM dashboard_count_answered(NEW, 1);
        END IF;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER dashboard_track_insert_delete AFTER INSERT OR DELETE ON dsr_request
    FOR EACH ROW EXECUTE FUNCTION dashboard_track();

CREATE TRIGGER dashboard_track_update AFTER UPDATE OF status, type, receipt_date, closed_at, effective_deadline,
    rejection_ground ON dsr_request
    FOR EACH ROW EXECUTE FUNCTION dashboard_track();

-- TRUNCATE fires no row triggers: empty the counts with the requests.
CREATE FUNCTION dashboard_truncated() RETURNS TRIGGER AS $$
BEGIN
    DELETE FROM dashboard_running_deadline;
    DELETE FROM dashboard_received;
    DELETE FROM dashboard_answered;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER dashboard_track_truncate AFTER TRUNCATE ON dsr_request
    FOR EACH STATEMENT EXECUTE FUNCTION dashboard_truncated();

-- Recounts the tables from dsr_request in the zone of dashboard_setting, with writers to
-- dsr_request held off meanwhile (SHARE lock) so that no change is missed or counted twice.
CREATE FUNCTION dashboard_rebuild() RETURNS VOID AS $$
DECLARE
    zone TEXT;
BEGIN
    LOCK TABLE dsr_request IN SHARE MODE;
    SELECT time_zone INTO zone FROM dashboard_setting WHERE id = 1;
    DELETE FROM dashboard_running_deadline;
    DELETE FROM dashboard_received;
    DELETE FROM dashboard_answered;
    INSERT INTO dashboard_running_deadline (effective_deadline, n)
    SELECT effective_deadline, count(*) FROM dsr_request
    WHERE status IN ('UNVERIFIED', 'NEW', 'IN_PROGRESS')
    GROUP BY effective_deadline;
    INSERT INTO dashboard_received (receipt_date, type, n)
    SELECT receipt_date, type, count(*) FROM dsr_request
    WHERE status NOT IN ('UNVERIFIED', 'EXPIRED')
    GROUP BY receipt_date, type;
    IF zone IS NOT NULL THEN
        INSERT INTO dashboard_answered (closed_on, days, on_time, status, ground, n)
        SELECT a.closed_on, a.closed_on - a.receipt_date, a.closed_on <= a.effective_deadline, a.status,
               COALESCE(a.rejection_ground, ''), count(*)
        FROM (SELECT CAST(closed_at AT TIME ZONE zone AS DATE) AS closed_on, receipt_date, effective_deadline, status,
                     rejection_ground
              FROM dsr_request WHERE status IN ('COMPLETED', 'REJECTED') AND closed_at IS NOT NULL) a
        GROUP BY 1, 2, 3, 4, 5;
    END IF;
END
$$ LANGUAGE plpgsql;
