-- Seeds the dashboard benchmark: 1,000,000 requests (or psql -v requests=N) over two years in every
-- status the dashboard counts, with answers on time and late, rejections by ground, extensions,
-- pauses, delay notices, retention holds and location reviews. Run after the application has
-- migrated the database and created its first admin (the bench user). Dates are relative to
-- CURRENT_DATE, so the default period (the last 12 months) holds about half of them.
\set ON_ERROR_STOP on
\if :{?requests}
\else
\set requests 1000000
\endif
SET synchronous_commit = off;
-- Rows inserted here bypass the application, which keeps the dashboard's counts: the last
-- statement makes its next start recount them (DashboardRollup), as bench/dashboard.sh does.

INSERT INTO data_subject (name, email, email_key, preferred_language, created_at, updated_at)
SELECT 'Person ' || g, 'p' || g || '@example.com', 'p' || g || '@example.com', 'sv', now(), now()
FROM generate_series(1, :requests) g;

-- Status by id modulo 1000: 80 % completed, 3 % rejected, 1.5 % withdrawn, 0.5 % expired (closed ones
-- received over two years), 10 % in progress, 2 % new, 1 % paused, 1.5 % extended and in progress,
-- 0.5 % unconfirmed (open ones received over the last 120 days, so about three in four of them are
-- overdue: some 110,000). An answer takes 0 to 44 days (so some are late); one closed request in
-- twenty was extended by one or two months on its 20th day. Half the requests are assigned to the
-- bench user.
INSERT INTO dsr_request (reference, data_subject_id, type, channel, language, status, assignee_id, received_at,
    receipt_date, original_deadline, one_month_deadline, extension_months, effective_deadline, internal_target,
    extended_at, extension_reason, closed_at, rejection_ground, created_at, updated_at)
SELECT 'DSR-' || (2025 + s.id / 500000) || '-' || lpad((s.id % 1000000)::text, 6, '0'), s.id,
    (ARRAY['ACCESS', 'ERASURE', 'OBJECTION', 'RECTIFICATION', 'RESTRICTION', 'PORTABILITY'])[1 + s.id % 6],
    'EMAIL', 'sv', CASE WHEN st.status = 'EXTENDED' THEN 'IN_PROGRESS' ELSE st.status END,
    CASE WHEN s.id % 2 = 0 THEN (SELECT id FROM staff_user ORDER BY id LIMIT 1) END,
    (CURRENT_DATE - d.days) + time '09:30' AT TIME ZONE 'Europe/Stockholm', CURRENT_DATE - d.days,
    CURRENT_DATE - d.days + 30, CURRENT_DATE - d.days + 30, x.months,
    CURRENT_DATE - d.days + 30 + x.months * 30, CURRENT_DATE - d.days + 23,
    CASE WHEN x.months > 0 THEN ((CURRENT_DATE - d.days + 20) + time '11:00') AT TIME ZONE 'Europe/Stockholm' END,
    CASE WHEN x.months > 0 THEN 'Bench' END,
    CASE WHEN st.closed THEN ((CURRENT_DATE - d.days + ((s.id * 31) % 45)::int) + time '15:00') AT TIME ZONE 'Europe/Stockholm' END,
    CASE WHEN st.status = 'REJECTED' AND s.id % 4 < 3
        THEN (ARRAY['MANIFESTLY_UNFOUNDED', 'EXCESSIVE', 'NOT_IDENTIFIED'])[1 + s.id % 4] END,
    now(), now()
FROM data_subject s
JOIN LATERAL (SELECT CASE WHEN s.id % 1000 < 800 THEN 'COMPLETED' WHEN s.id % 1000 < 830 THEN 'REJECTED'
    WHEN s.id % 1000 < 845 THEN 'WITHDRAWN' WHEN s.id % 1000 < 850 THEN 'EXPIRED'
    WHEN s.id % 1000 < 950 THEN 'IN_PROGRESS' WHEN s.id % 1000 < 970 THEN 'NEW'
    WHEN s.id % 1000 < 980 THEN 'AWAITING_SUBJECT' WHEN s.id % 1000 < 995 THEN 'EXTENDED'
    ELSE 'UNVERIFIED' END AS status, s.id % 1000 < 850 AS closed) st ON TRUE
JOIN LATERAL (SELECT CASE WHEN st.status = 'EXTENDED' THEN (1 + s.id % 2)::int
    WHEN st.closed AND st.status <> 'EXPIRED' AND s.id % 20 = 0 THEN (1 + s.id % 2)::int ELSE 0 END AS months) x ON TRUE
JOIN LATERAL (SELECT CASE WHEN st.closed THEN 45 + ((s.id * 7919) % 685)::int
    WHEN st.status = 'UNVERIFIED' THEN ((s.id * 7919) % 14)::int
    ELSE ((s.id * 7919) % 120)::int END AS days) d ON TRUE;

-- Delays announced (Art. 12(3)): one overdue request in hand in three was told, the day after its
-- deadline, to expect the answer on a day from 10 days ago to 29 days ahead (so a quarter of those
-- are overdue and untold again).
UPDATE dsr_request SET delay_announced_on = effective_deadline + 1,
    delay_expected_on = CURRENT_DATE - 10 + (id % 40)::int, delay_reason = 'Bench'
WHERE status IN ('NEW', 'IN_PROGRESS', 'AWAITING_SUBJECT') AND effective_deadline < CURRENT_DATE AND id % 3 = 0;

-- Made by a representative (Art. 12(2)): one request in fifty; the authority is checked for all
-- closed ones and for two open ones in three (some 1,000 open requests wait for the check).
UPDATE dsr_request SET representative_name = 'Bench Ombud', representative_authority = 'POWER_OF_ATTORNEY',
    authority_verified_at = CASE WHEN status IN ('NEW', 'IN_PROGRESS', 'AWAITING_SUBJECT') AND id % 1000 = 900
        THEN NULL ELSE received_at + interval '3 days' END
WHERE id % 50 = 0;

-- The open pause of each paused request, begun a few days after receipt.
INSERT INTO request_pause (request_id, paused_on, resumed_on, reason)
SELECT id, receipt_date + LEAST(CURRENT_DATE - receipt_date, (id % 7)::int), NULL, 'Bench'
FROM dsr_request WHERE status = 'AWAITING_SUBJECT';

-- Retention holds: one completed request in 40 keeps data at the first location until a date from
-- 100 days ago to about eight years ahead; one in three of those already erased.
INSERT INTO location_task (request_id, location_id, request_type, status, outcome, legal_ground, retained_until,
    done_at, created_at)
SELECT r.id, (SELECT min(id) FROM data_location), r.type, 'DONE', 'RETAINED', 'BOOKKEEPING_ACT',
    CURRENT_DATE - 100 + (r.id % 3000)::int, r.closed_at, r.closed_at
FROM dsr_request r WHERE r.status = 'COMPLETED' AND r.id % 40 = 0;

INSERT INTO retention_hold (task_id, location_id, request_id, legal_ground, retained_until, erased_at, created_at)
SELECT t.id, t.location_id, t.request_id, t.legal_ground, t.retained_until,
    CASE WHEN t.id % 3 = 0 THEN now() END, t.created_at
FROM location_task t WHERE t.outcome = 'RETAINED';

-- Two of the seeded locations are due for review, one of them overdue.
UPDATE data_location SET next_review_due = CURRENT_DATE - 10 WHERE id = (SELECT min(id) FROM data_location);
UPDATE data_location SET next_review_due = CURRENT_DATE + 12 WHERE id = (SELECT min(id) + 1 FROM data_location);

-- VACUUM as well as ANALYZE: a table just bulk-loaded has no visibility map, so every index-only
-- scan would still read the table's rows; autovacuum keeps it set on a table in steady use.
VACUUM ANALYZE data_subject;
VACUUM ANALYZE dsr_request;
VACUUM ANALYZE request_pause;
VACUUM ANALYZE location_task;
VACUUM ANALYZE retention_hold;
VACUUM ANALYZE data_location;

-- The application recounts its dashboard counts at its next start.
DELETE FROM dashboard_setting;
