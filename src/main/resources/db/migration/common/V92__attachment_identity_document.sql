-- An attachment that is a copy of an identity document is flagged, so that the request page can
-- prompt to delete it once the identity is recorded.

ALTER TABLE request_attachment ADD COLUMN identity_document BOOLEAN NOT NULL DEFAULT FALSE;
