-- The reply key of a request (issue 17): mails to the person carry a Reply-To that is a
-- sub-address of the privacy inbox with this key (privacy+<key>@example.se), so that an answer
-- lands on the request's timeline. Random and unguessable (160 bits), lower case (mail servers
-- may change the case of an address). Requests made before have none: their mails carry the
-- plain privacy address.
ALTER TABLE dsr_request ADD COLUMN reply_key VARCHAR(40);

CREATE UNIQUE INDEX uq_dsr_request_reply_key ON dsr_request (reply_key);
