-- Failed sign-ins are counted per login name AND client address (docs/staff-sign-in.md), so that
-- failures from one address delay only that address's next tries at that name: nobody can keep a
-- staff member out from elsewhere. Both are SHA-256 digests: nothing typed, no address is stored.
-- The old per-name counts (and locks) mean nothing under the new rule and are dropped with the table.
DROP TABLE sign_in_throttle;

CREATE TABLE sign_in_throttle (
    login_key       VARCHAR(64) NOT NULL,
    client_key      VARCHAR(64) NOT NULL,
    failures        INTEGER     NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    blocked_until   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (login_key, client_key),
    CONSTRAINT ck_sign_in_throttle_failures CHECK (failures > 0)
);

-- The hourly cleanup deletes by the time of the last failure.
CREATE INDEX ix_sign_in_throttle_last_failure ON sign_in_throttle (last_failure_at);
