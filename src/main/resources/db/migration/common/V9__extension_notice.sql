-- The notice that told the person of an extension, its reasons and the new date (Art. 12(3)).
ALTER TABLE dsr_request ADD COLUMN extension_notice_id BIGINT REFERENCES correspondence (id);
