-- The dashboard's counts (V29, V30) are now kept by the application (DashboardRollup), from the
-- event the request module publishes on every write of a request, with the status sets defined
-- once in Java (RequestStatus). The triggers and the functions that restated those sets in
-- PL/pgSQL go; the tables, their slots and dashboard_fold_slots() (which knows no status) stay.
-- The check constraint and the partial indexes on request statuses are recreated from the same
-- sets by the repeatable migration RequestStatusSchema ("request status rules").

DROP TRIGGER dashboard_track_insert_delete ON dsr_request;
DROP TRIGGER dashboard_track_update ON dsr_request;
DROP TRIGGER dashboard_track_truncate ON dsr_request;

DROP FUNCTION dashboard_track();
DROP FUNCTION dashboard_truncated();
DROP FUNCTION dashboard_rebuild();
DROP FUNCTION dashboard_count_running(dsr_request, INTEGER);
DROP FUNCTION dashboard_count_received(dsr_request, INTEGER);
DROP FUNCTION dashboard_count_answered(dsr_request, INTEGER);

-- The sets the counts were made by, so that a change of a set recounts at the next start. The
-- row is removed so that the first start after this migration recounts with the Java rules.
ALTER TABLE dashboard_setting ADD COLUMN rules VARCHAR(500);
DELETE FROM dashboard_setting;
