-- One working build per request (issue 13): two clicks on "prepare the package" at the same
-- moment queue one build; the second insert fails and the page says a build is already running.
-- (H2 has no partial index; there the check before the insert is the only guard.)
CREATE UNIQUE INDEX ux_answer_build_working ON answer_build (request_id) WHERE status IN ('QUEUED', 'RUNNING');
