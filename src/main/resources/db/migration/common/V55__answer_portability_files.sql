-- A portability answer's data goes behind the same expiring link as the access extract:
-- data.json and data.csv beside extract.pdf and extract.json.
ALTER TABLE answer_file DROP CONSTRAINT ck_answer_file_name;
ALTER TABLE answer_file ADD CONSTRAINT ck_answer_file_name
    CHECK (name IN ('extract.pdf', 'extract.json', 'data.json', 'data.csv'));
