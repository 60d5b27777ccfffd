-- Seeds the location benchmark: 100 data locations, 1,000,000 requests and their tasks and holds.
-- Run after the application has migrated the database and created its first admin (the bench user).
\set ON_ERROR_STOP on
SET synchronous_commit = off;

-- 96 more locations beside the four the migration seeds: 100 in all, owned by the bench admin.
INSERT INTO data_location (name_sv, name_en, kind, owner_id, legal_basis, retention_sv, retention_en,
    review_interval_months, next_review_due, active, created_at, updated_at)
SELECT 'Plats ' || lpad(g::text, 3, '0'), 'Location ' || lpad(g::text, 3, '0'), 'OTHER',
    (SELECT id FROM staff_user ORDER BY id LIMIT 1), 'LEGITIMATE_INTEREST', 'Ett år', 'One year', 12,
    CURRENT_DATE + 365, TRUE, now(), now()
FROM generate_series(5, 100) g;
UPDATE data_location SET owner_id = (SELECT id FROM staff_user ORDER BY id LIMIT 1);
INSERT INTO data_location_request_type (location_id, request_type)
SELECT l.id, t FROM data_location l
CROSS JOIN unnest(ARRAY['ACCESS', 'ERASURE', 'OBJECTION', 'RECTIFICATION', 'RESTRICTION', 'PORTABILITY']) t
ON CONFLICT DO NOTHING;

CREATE TEMP TABLE loc AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM data_location;

INSERT INTO data_subject (name, email, email_key, preferred_language, created_at, updated_at)
SELECT 'Person ' || g, 'p' || g || '@example.com', 'p' || g || '@example.com', 'sv', now(), now()
FROM generate_series(1, 1000000) g;

-- Rows inserted here bypass the application, which keeps the dashboard's counts: the row of
-- dashboard_setting is removed below, so that its next start recounts them (DashboardRollup).

-- 1,000,000 requests over two years: 95 % closed, 3 % in progress, 2 % new.
INSERT INTO dsr_request (reference, data_subject_id, type, channel, language, status, assignee_id, received_at,
    receipt_date, original_deadline, one_month_deadline, effective_deadline, internal_target, closed_at,
    created_at, updated_at)
SELECT 'B-' || s.id, s.id,
    (ARRAY['ACCESS', 'ERASURE', 'OBJECTION', 'RECTIFICATION', 'RESTRICTION', 'PORTABILITY'])[1 + s.id % 6],
    'EMAIL', 'sv',
    CASE WHEN s.id % 100 < 95 THEN 'COMPLETED' WHEN s.id % 100 < 98 THEN 'IN_PROGRESS' ELSE 'NEW' END,
    (SELECT id FROM staff_user ORDER BY id LIMIT 1),
    now() - (s.id % 730)::int * interval '1 day', CURRENT_DATE - (s.id % 730)::int,
    CURRENT_DATE - (s.id % 730)::int + 30, CURRENT_DATE - (s.id % 730)::int + 30, CURRENT_DATE - (s.id % 730)::int + 30,
    CURRENT_DATE - (s.id % 730)::int + 20,
    CASE WHEN s.id % 100 < 95 THEN now() - (s.id % 730)::int * interval '1 day' + interval '20 days' END,
    now(), now()
FROM data_subject s;

DELETE FROM dashboard_setting;

-- Five tasks for every request taken up, at five different locations: about 4.9 million.
INSERT INTO location_task (request_id, location_id, request_type, assignee_id, status, outcome, note,
    done_by_label, done_at, created_at)
SELECT r.id, loc.id, r.type, r.assignee_id,
    CASE WHEN r.status = 'COMPLETED' THEN 'DONE' ELSE 'OPEN' END,
    CASE WHEN r.status = 'COMPLETED' THEN 'NOT_FOUND' END,
    CASE WHEN r.status = 'COMPLETED' THEN 'Checked' END,
    CASE WHEN r.status = 'COMPLETED' THEN 'bench' END,
    CASE WHEN r.status = 'COMPLETED' THEN r.closed_at END,
    r.received_at
FROM dsr_request r
CROSS JOIN generate_series(0, 4) k
JOIN loc ON loc.n = (r.id + k * 20) % 100
WHERE r.status <> 'NEW' AND r.reference LIKE 'B-%'
ORDER BY r.id, k;

-- Retention holds: a closed erasure request in five keeps data at one location, some already erased.
INSERT INTO retention_hold (task_id, location_id, request_id, legal_ground, retained_until, erased_at, created_at)
SELECT t.id, t.location_id, t.request_id, 'BOOKKEEPING_ACT', CURRENT_DATE + (t.id % 2000)::int,
    CASE WHEN t.id % 3 = 0 THEN now() END, now()
FROM location_task t
JOIN dsr_request r ON r.id = t.request_id
WHERE r.type = 'ERASURE' AND r.status = 'COMPLETED' AND r.id % 5 = 0
  AND t.location_id = (SELECT id FROM loc WHERE n = (r.id % 100));

-- The steady state autovacuum reaches: statistics and a visibility map for index-only scans.
VACUUM ANALYZE;
