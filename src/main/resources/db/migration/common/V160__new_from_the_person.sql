-- "New from the person" in the staff inbox (after issue 17): per request, when the person last
-- wrote to us (a message from the status page or a reply mail threaded into the case), since
-- when something they wrote is unseen, and when staff last saw it. A row exists only for a
-- request the person has written to, so the table stays small beside dsr_request, and opening
-- a request page writes here, never to the hot dsr_request row (no lock on it, no new row
-- version, no index updates on its many indexes). No personal data: times only.
--
-- unread_since is NULL once seen. "Has something new" is unread_since IS NOT NULL, which the
-- index below answers: the inbox filter and the counts start from the few unseen rows and join
-- the requests by their primary key; an inbox page joins its 25 rows here by primary key.
CREATE TABLE request_person_activity (
    request_id      BIGINT                   NOT NULL PRIMARY KEY REFERENCES dsr_request (id),
    last_written_at TIMESTAMP WITH TIME ZONE NOT NULL,
    unread_since    TIMESTAMP WITH TIME ZONE,
    seen_at         TIMESTAMP WITH TIME ZONE
);

CREATE INDEX ix_request_person_activity_unread ON request_person_activity (unread_since, request_id);
