-- Seeds the purge benchmark on top of bench/inbox-seed.sql (1,000,000 requests, 950,000 closed
-- within the last two years): 100,000 of the closed requests are moved four years back, so that
-- their retention (3 years) has ended, and get what a real case carries: a description, an
-- internal note, a pause reason and a letter in the correspondence log (about 1 kB of text).
\set ON_ERROR_STOP on
SET synchronous_commit = off;

CREATE TEMPORARY TABLE due AS
SELECT id, data_subject_id FROM dsr_request WHERE status = 'COMPLETED' ORDER BY id LIMIT 100000;

ALTER TABLE dsr_request DISABLE TRIGGER USER;
UPDATE dsr_request r SET closed_at = r.closed_at - interval '4 years',
    received_at = r.received_at - interval '4 years', receipt_date = r.receipt_date - 1461,
    original_deadline = r.original_deadline - 1461, one_month_deadline = r.one_month_deadline - 1461,
    effective_deadline = r.effective_deadline - 1461, internal_target = r.internal_target - 1461,
    description = 'Please send me a copy of everything you hold about me, including the call recordings.'
FROM due WHERE r.id = due.id;
ALTER TABLE dsr_request ENABLE TRIGGER USER;
SELECT dashboard_rebuild();

INSERT INTO request_note (request_id, author_label, created_at, body)
SELECT id, 'Bench Handler', now() - interval '4 years', 'Called the person on their mobile; they confirmed the address.'
FROM due;

INSERT INTO request_pause (request_id, paused_on, resumed_on, reason)
SELECT id, CURRENT_DATE - 1470, CURRENT_DATE - 1465, 'Which of your two accounts do you mean?'
FROM due;

INSERT INTO correspondence (message_id, recipient, recipient_kind, language, template, subject, body_text, body_html,
    request_id, status, attempts, next_attempt_at, created_at, sent_at)
SELECT '<bench-' || id || '@dsrdesk>', 'p' || data_subject_id || '@example.com', 'SUBJECT', 'sv', 'request-answer',
    'Svar på din begäran', repeat('Hej! Här är vårt svar på din begäran. ', 12),
    '<p>' || repeat('Hej! Här är vårt svar på din begäran. ', 12) || '</p>', id, 'SENT', 1,
    now() - interval '4 years', now() - interval '4 years', now() - interval '4 years'
FROM due;

ANALYZE dsr_request;
ANALYZE data_subject;
ANALYZE request_note;
ANALYZE correspondence;
