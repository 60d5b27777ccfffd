-- The audit trail viewer (issue 7).
-- request_id: the request an event is about, also for events about its tasks, notes,
--   attachments and retention holds, so that "everything about DSR-2026-000123" is one indexed
--   query. A plain number without a foreign key: the trail is append-only and must never stop a
--   request row from being changed or removed, nor be changed by it.
-- changes: the before and after values of a change, a small JSON list of
--   {"field": ..., "before": ..., "after": ...}; never a data subject's personal data.
ALTER TABLE audit_event ADD COLUMN request_id BIGINT;
ALTER TABLE audit_event ADD COLUMN changes VARCHAR(16000);

-- Fill request_id for the events recorded before this column existed. V3's trigger refuses
-- every UPDATE; it is switched off only for these statements, inside this migration's
-- transaction (PostgreSQL DDL is transactional), so if anything fails the trigger stays as it
-- was. Nothing else is changed: only the new, empty column is filled.
ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete;

UPDATE audit_event a SET request_id = r.id
FROM dsr_request r
WHERE a.target_type = 'REQUEST' AND a.target_id = r.id::text;

UPDATE audit_event a SET request_id = t.request_id
FROM location_task t
WHERE a.target_type = 'LOCATION_TASK' AND a.target_id = t.id::text;

UPDATE audit_event a SET request_id = h.request_id
FROM retention_hold h
WHERE a.target_type = 'RETENTION_HOLD' AND a.target_id = h.id::text;

ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_or_delete;

-- One index per filter of the viewer, each ending in its order (occurred_at DESC, id DESC), so
-- a page (first or deep, by keyset) reads only the rows it shows. No filter and the date range
-- alone use ix_audit_event_occurred (V2).
CREATE INDEX ix_audit_event_request ON audit_event (request_id, occurred_at DESC, id DESC)
    WHERE request_id IS NOT NULL;
CREATE INDEX ix_audit_event_action ON audit_event (action, occurred_at DESC, id DESC);
-- Replaces V2's (actor_id, occurred_at DESC), which could not serve the id tie-break.
CREATE INDEX ix_audit_event_actor_time ON audit_event (actor_id, occurred_at DESC, id DESC);
DROP INDEX ix_audit_event_actor;
