-- The audit trail viewer (issue 7); see the PostgreSQL V35 for the reasons. H2 has no
-- append-only trigger (V3), so the backfill needs nothing switched off, and no partial indexes.
ALTER TABLE audit_event ADD COLUMN request_id BIGINT;
ALTER TABLE audit_event ADD COLUMN changes VARCHAR(16000);

UPDATE audit_event SET request_id =
    (SELECT r.id FROM dsr_request r WHERE CAST(r.id AS VARCHAR(64)) = audit_event.target_id)
WHERE target_type = 'REQUEST';

UPDATE audit_event SET request_id =
    (SELECT t.request_id FROM location_task t WHERE CAST(t.id AS VARCHAR(64)) = audit_event.target_id)
WHERE target_type = 'LOCATION_TASK';

UPDATE audit_event SET request_id =
    (SELECT h.request_id FROM retention_hold h WHERE CAST(h.id AS VARCHAR(64)) = audit_event.target_id)
WHERE target_type = 'RETENTION_HOLD';

CREATE INDEX ix_audit_event_request ON audit_event (request_id, occurred_at DESC, id DESC);
CREATE INDEX ix_audit_event_action ON audit_event (action, occurred_at DESC, id DESC);
CREATE INDEX ix_audit_event_actor_time ON audit_event (actor_id, occurred_at DESC, id DESC);
DROP INDEX ix_audit_event_actor;
