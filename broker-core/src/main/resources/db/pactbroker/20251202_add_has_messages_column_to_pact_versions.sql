-- Pact Broker 2.118: whether a pact holds messages; filled in by the next step (populate_has_messages).
ALTER TABLE pact_versions ADD COLUMN has_messages boolean NOT NULL DEFAULT false;
