-- The correspondence log and the requests were built side by side: link them now.
ALTER TABLE correspondence ADD CONSTRAINT fk_correspondence_request
    FOREIGN KEY (request_id) REFERENCES dsr_request (id);
