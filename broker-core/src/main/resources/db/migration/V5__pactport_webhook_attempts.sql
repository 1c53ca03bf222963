-- The webhook executor's schedule: one row per triggered webhook still to be run (status not_run or retrying), with the
-- number of attempts claimed so far and when the next one is due. It is what makes retries survive restarts and keeps
-- two replicas from running one attempt: an attempt is claimed by incrementing attempts_claimed (and moving
-- next_attempt_at to the following retry) in one UPDATE before the request is sent, so a crash after the claim loses
-- nothing (the following retry is already scheduled) and no attempt is sent twice. The row is deleted when the
-- triggered webhook ends (success, or failure after the last retry); the Pact Broker's own tables are not altered.
CREATE TABLE pactport_webhook_attempts (
    triggered_webhook_id integer     PRIMARY KEY REFERENCES triggered_webhooks (id) ON DELETE CASCADE,
    attempts_claimed     integer     NOT NULL DEFAULT 0,
    next_attempt_at      timestamptz NOT NULL
);

-- The executor's poll: "the attempts due now", oldest first.
CREATE INDEX pactport_webhook_attempts_due_idx ON pactport_webhook_attempts (next_attempt_at);
