-- The answer package (issue 13): what the case handler approved of each finding's text in the
-- review (masked passages between [[ and ]], replaced by the marker when the package is built),
-- so that the mail, the PDF, the JSON and every file are rendered from the approved text only.
-- A finding without a row here goes out as it was found.
CREATE TABLE answer_finding_text (
    finding_id    BIGINT                   NOT NULL PRIMARY KEY REFERENCES task_finding (id),
    request_id    BIGINT                   NOT NULL REFERENCES dsr_request (id),
    reviewed_text TEXT                     NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ix_answer_finding_text_request ON answer_finding_text (request_id);

-- The package's files behind the link: the extract, the data as CSV, the original files and one
-- ZIP of all; names are made safe in Java (letters, digits, '.', '_', '-').
ALTER TABLE answer_file DROP CONSTRAINT ck_answer_file_name;
ALTER TABLE answer_file ALTER COLUMN name SET DATA TYPE VARCHAR(160);
ALTER TABLE answer_file ADD COLUMN size_bytes BIGINT NOT NULL DEFAULT 0;
