-- Rate limits shared by all application instances (Bucket4j's PostgreSQL support): one row per
-- limit and client, the bucket's state in bytes, and when it is full again (epoch milliseconds),
-- after which the row is deleted. The id never holds an email address, only its digest.
CREATE TABLE rate_limit_bucket (
    id         VARCHAR(200) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);

CREATE INDEX ix_rate_limit_bucket_expires ON rate_limit_bucket (expires_at);
