-- Seeds the inbox benchmark: 1,000,000 requests, one person each, with names from 30 first and
-- 30 last names (900 combinations, about 1,100 people each) and a number.
-- Run after the application has migrated the database and created its first admin (the bench user).
\set ON_ERROR_STOP on
SET synchronous_commit = off;

INSERT INTO data_subject (name, email, email_key, preferred_language, created_at, updated_at)
SELECT f.n || ' ' || l.n || ' ' || g, 'p' || g || '@example.com', 'p' || g || '@example.com', 'sv', now(), now()
FROM generate_series(1, 1000000) g
JOIN LATERAL (SELECT (ARRAY['Anna', 'Erik', 'Maria', 'Lars', 'Karin', 'Anders', 'Eva', 'Johan', 'Kerstin', 'Per',
    'Ingrid', 'Karl', 'Lena', 'Nils', 'Sara', 'Olof', 'Emma', 'Jonas', 'Elin', 'Magnus', 'Åsa', 'Björn', 'Linnea',
    'Mikael', 'Ida', 'Fredrik', 'Hanna', 'Gustav', 'Sofia', 'Oskar'])[1 + g % 30] AS n) f ON TRUE
JOIN LATERAL (SELECT (ARRAY['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson',
    'Persson', 'Svensson', 'Gustafsson', 'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Jönsson',
    'Lindberg', 'Jakobsson', 'Magnusson', 'Lindström', 'Olofsson', 'Lindqvist', 'Lindgren', 'Berg', 'Axelsson',
    'Bergström', 'Lundberg', 'Lind', 'Lundgren', 'Mattsson'])[1 + (g / 30) % 30] AS n) l ON TRUE;

-- Rows inserted here bypass the application, which keeps the dashboard's counts: the row of
-- dashboard_setting is removed below, so that its next start recounts them (DashboardRollup).

-- 1,000,000 requests received over two years: 95 % closed, 2.5 % in progress, 1 % new, 0.5 % paused,
-- 0.5 % extended and in progress, 0.5 % unconfirmed. Open ones: about 50,000. Half the open ones are
-- assigned to the bench user.
INSERT INTO dsr_request (reference, data_subject_id, type, channel, language, status, assignee_id, received_at,
    receipt_date, original_deadline, one_month_deadline, extension_months, effective_deadline, internal_target,
    extended_at, extension_reason, closed_at, created_at, updated_at)
SELECT 'DSR-' || (2025 + s.id / 500000) || '-' || lpad((s.id % 1000000)::text, 6, '0'), s.id,
    (ARRAY['ACCESS', 'ERASURE', 'OBJECTION', 'RECTIFICATION', 'RESTRICTION', 'PORTABILITY'])[1 + s.id % 6],
    'EMAIL', 'sv', CASE WHEN st.status = 'EXTENDED' THEN 'IN_PROGRESS' ELSE st.status END,
    CASE WHEN s.id % 2 = 0 THEN (SELECT id FROM staff_user ORDER BY id LIMIT 1) END,
    now() - d.days * interval '1 day', CURRENT_DATE - d.days,
    CURRENT_DATE - d.days + 30, CURRENT_DATE - d.days + 30,
    CASE WHEN st.status = 'EXTENDED' THEN 2 ELSE 0 END,
    CURRENT_DATE - d.days + 30 + CASE WHEN st.status = 'EXTENDED' THEN 61 ELSE 0 END,
    CURRENT_DATE - d.days + 20,
    CASE WHEN st.status = 'EXTENDED' THEN now() END, CASE WHEN st.status = 'EXTENDED' THEN 'Bench' END,
    CASE WHEN st.status = 'COMPLETED' THEN now() - d.days * interval '1 day' + interval '20 days' END,
    now(), now()
FROM data_subject s
JOIN LATERAL (SELECT CASE WHEN s.id % 1000 < 950 THEN 'COMPLETED' WHEN s.id % 1000 < 975 THEN 'IN_PROGRESS'
    WHEN s.id % 1000 < 985 THEN 'NEW' WHEN s.id % 1000 < 990 THEN 'AWAITING_SUBJECT'
    WHEN s.id % 1000 < 995 THEN 'EXTENDED' ELSE 'UNVERIFIED' END AS status) st ON TRUE
-- Open requests arrived in the last 45 days (some overdue), closed ones over two years.
JOIN LATERAL (SELECT CASE WHEN st.status = 'COMPLETED' THEN ((s.id * 7919) % 730)::int ELSE ((s.id * 7919) % 45)::int END AS days) d
    ON TRUE;

DELETE FROM dashboard_setting;

ANALYZE data_subject;
ANALYZE dsr_request;
