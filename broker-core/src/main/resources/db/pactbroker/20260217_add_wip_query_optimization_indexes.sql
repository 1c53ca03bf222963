-- Pact Broker 2.119: indexes for the work-in-progress pacts query. The Ruby broker builds them CONCURRENTLY, outside
-- a transaction, so that a running broker keeps publishing; a migration that has the database to itself builds the
-- same indexes inside its step's transaction instead, which a kill can interrupt without leaving an invalid index.
CREATE INDEX idx_pp_provider_created ON pact_publications (provider_id, created_at);
CREATE INDEX idx_verifications_provider_lookup
    ON verifications (provider_id, provider_version_id, success, wip, pact_version_id);
