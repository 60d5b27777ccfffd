-- Seeds the audit benchmark: 1,000,000 audit events over two years, after bench/inbox-seed.sql
-- (1,000,000 requests with ids 1..1,000,000). Ten common actions; a third of the events by the
-- bench user, the rest by the system; request events name their request (request_id); one in
-- ten thousand is a rare ACCOUNT_UPDATED with before/after values.
\set ON_ERROR_STOP on
SET synchronous_commit = off;

INSERT INTO audit_event (occurred_at, actor_id, actor_label, action, target_type, target_id, details, request_id,
    changes)
SELECT now() - (g % 730) * interval '1 day' - (g % 86400) * interval '1 second',
    CASE WHEN g % 3 = 0 THEN u.id END,
    CASE WHEN g % 3 = 0 THEN u.email ELSE 'system' END,
    a.action,
    CASE WHEN a.action LIKE 'REQUEST%' OR a.action = 'TASK_DONE' THEN 'REQUEST' ELSE 'STAFF_USER' END,
    CASE WHEN a.action LIKE 'REQUEST%' OR a.action = 'TASK_DONE' THEN (1 + g % 1000000)::text ELSE u.id::text END,
    'bench event ' || g,
    CASE WHEN a.action LIKE 'REQUEST%' OR a.action = 'TASK_DONE' THEN 1 + g % 1000000 END,
    CASE WHEN a.action = 'REQUEST_STARTED' THEN '[{"field":"status","before":"NEW","after":"IN_PROGRESS"}]'
         WHEN a.action = 'ACCOUNT_UPDATED' THEN '[{"field":"roles","before":"[CASE_HANDLER]","after":"[ADMIN]"}]' END
FROM generate_series(1, 1000000) g
CROSS JOIN (SELECT id, email FROM staff_user ORDER BY id LIMIT 1) u
JOIN LATERAL (SELECT CASE WHEN g % 10000 = 0 THEN 'ACCOUNT_UPDATED'
    ELSE (ARRAY['REQUEST_RECEIVED', 'REQUEST_EMAIL_VERIFIED', 'REQUEST_ASSIGNED', 'REQUEST_STARTED',
        'REQUEST_COMPLETED', 'TASK_DONE', 'SIGN_IN', 'REQUEST_NOTE_ADDED', 'REQUEST_PAUSED', 'REQUEST_RESUMED'])[1 + g % 10]
    END AS action) a ON TRUE;

ANALYZE audit_event;
