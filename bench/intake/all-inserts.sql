-- pgbench: every row a form POST writes: the person, the request, its audit line, the hashed
-- confirmation link and the queued confirmation mail (about 3 kB of rendered text and HTML).
\set n random(1, 2000000000)
BEGIN;
INSERT INTO data_subject (name, email, email_key, phone, preferred_language, created_at, updated_at, version)
  VALUES ('Åsa Öberg-Ångström', 'pgb' || :n || '@example.com', 'pgb' || :n || '@example.com', NULL, 'sv', now(), now(), 0)
  RETURNING id AS sid \gset
INSERT INTO dsr_request (reference, data_subject_id, type, channel, language, description, status, received_at,
    receipt_date, original_deadline, one_month_deadline, extension_months, effective_deadline, internal_target,
    created_at, updated_at, version, relationship)
  VALUES ('DSR-2026-' || lpad(nextval('dsr_request_reference_seq')::text, 9, '0'), :sid, 'ACCESS', 'WEB', 'sv',
    'Bench request: which data do you hold about me?', 'UNVERIFIED', now(), current_date, current_date + 31,
    current_date + 31, 0, current_date + 31, current_date + 24, now(), now(), 0, 'CUSTOMER')
  RETURNING id AS rid \gset
INSERT INTO audit_event (occurred_at, actor_id, actor_label, action, target_type, target_id, details)
  VALUES (now(), NULL, 'data subject', 'REQUEST_RECEIVED', 'REQUEST', :rid::text, 'type=ACCESS, channel=WEB');
INSERT INTO request_token (request_id, purpose, token_hash, created_at, expires_at)
  VALUES (:rid, 'CONFIRM', md5(random()::text) || md5(random()::text), now(), now() + interval '7 days');
INSERT INTO correspondence (message_id, recipient, recipient_kind, language, template, subject, body_text, body_html,
    request_id, status, attempts, next_attempt_at, created_at)
  VALUES ('<' || gen_random_uuid() || '@dsrdesk>', 'pgb' || :n || '@example.com', 'SUBJECT', 'sv', 'request-confirm',
    'Bekräfta din begäran', repeat('x', 1000), repeat('x', 2000), :rid, 'QUEUED', 0, now(), now());
COMMIT;
