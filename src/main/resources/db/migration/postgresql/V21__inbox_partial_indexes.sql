-- The staff inbox (InboxQuery). Every list is ordered by (effective_deadline, id) and paged with
-- a keyset cursor on that pair, so each filter needs an index whose order is that pair after its
-- equality columns; the default list shows the open requests, hence the partial indexes. The
-- status literals here must stay the ones InboxQuery writes into its SQL, or the planner cannot
-- match the predicate.
CREATE INDEX ix_dsr_request_open_deadline ON dsr_request (effective_deadline, id)
    WHERE status IN ('UNVERIFIED', 'NEW', 'IN_PROGRESS', 'AWAITING_SUBJECT');

CREATE INDEX ix_dsr_request_open_assignee ON dsr_request (assignee_id, effective_deadline, id)
    WHERE status IN ('UNVERIFIED', 'NEW', 'IN_PROGRESS', 'AWAITING_SUBJECT');

CREATE INDEX ix_dsr_request_open_type ON dsr_request (type, effective_deadline, id)
    WHERE status IN ('UNVERIFIED', 'NEW', 'IN_PROGRESS', 'AWAITING_SUBJECT');

CREATE INDEX ix_dsr_request_extended ON dsr_request (effective_deadline, id)
    WHERE extension_months > 0;

-- Any status, by assignee (the status filter "all" with "mine" or a person).
CREATE INDEX ix_dsr_request_assignee_deadline ON dsr_request (assignee_id, effective_deadline, id);

-- Search. An email address matches on a prefix of the normalised address (LIKE 'x%'), which a
-- btree serves only with text_pattern_ops unless the database collation is C. A name matches
-- anywhere (ILIKE '%x%'), which only a trigram index serves.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX ix_data_subject_email_key_prefix ON data_subject (email_key text_pattern_ops);

CREATE INDEX ix_data_subject_name_trgm ON data_subject USING gin (name gin_trgm_ops);
