-- pgbench: the two INSERTs at the heart of an intake (the person, then the request).
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
    current_date + 31, 0, current_date + 31, current_date + 24, now(), now(), 0, 'CUSTOMER');
COMMIT;
