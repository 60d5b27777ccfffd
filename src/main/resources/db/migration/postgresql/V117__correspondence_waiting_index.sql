-- The mail waiting for the server is found through this small index: the bring-forward after
-- each successful dispatch costs nothing when no mail waits.
CREATE INDEX ix_correspondence_waiting_for_server ON correspondence (id) WHERE waiting_for_server;
