-- Pactport's own tables start here; every one is prefixed pactport_ so that a rollback to the Ruby broker can find and
-- drop exactly what Pactport added, and nothing of the Pact Broker's layout is renamed or altered.

-- The transactional outbox: every change broker-api makes appends its event here in the same transaction, and the relay
-- publishes the rows to Kafka in id order and marks them sent. An acknowledged write therefore never loses its event,
-- even when Kafka is down or the service dies right after answering.
CREATE TABLE pactport_outbox (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic        text        NOT NULL,
    -- the Kafka key: the aggregate (integration "consumer/provider", or pacticipant), which keeps per-aggregate order
    event_key    text        NOT NULL,
    event_type   text        NOT NULL,
    -- the CloudEvents data; the envelope (id = this row's id, source, time) is built from the row when it is sent
    payload      jsonb       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    sent_at      timestamptz,
    attempts     integer     NOT NULL DEFAULT 0,
    last_error   text
);

-- The relay's only query is "the oldest unsent rows"; a partial index keeps it small however long the history grows.
CREATE INDEX pactport_outbox_unsent_idx ON pactport_outbox (id) WHERE sent_at IS NULL;
-- Sent rows are pruned by age.
CREATE INDEX pactport_outbox_sent_at_idx ON pactport_outbox (sent_at) WHERE sent_at IS NOT NULL;
