-- The can-i-deploy questions broker-api answered, so that parallel-sync-service can ask the old brokers the same ones
-- (shadow can-i-deploy) before the cut-over. One row per distinct question with the last time it was asked; absent
-- environment or tag is '' so the question is the primary key. Written fire-and-forget off the answer's path, at most
-- once a minute per question and broker-api instance; bookkeeping, lost without loss.
CREATE TABLE pactport_can_i_deploy_questions (
    pacticipant   text        NOT NULL,
    version       text        NOT NULL,
    environment   text        NOT NULL DEFAULT '',
    to_tag        text        NOT NULL DEFAULT '',
    last_asked_at timestamptz NOT NULL,
    PRIMARY KEY (pacticipant, version, environment, to_tag)
);

-- The replay's read: "the questions asked since", newest first.
CREATE INDEX pactport_can_i_deploy_questions_asked_idx ON pactport_can_i_deploy_questions (last_asked_at);
