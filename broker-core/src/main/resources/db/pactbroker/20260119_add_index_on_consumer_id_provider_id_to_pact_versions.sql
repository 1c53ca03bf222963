-- Pact Broker 2.119: pact_versions looked up by one side of the integration.
CREATE INDEX pact_versions_consumer_id_index ON pact_versions (consumer_id);
CREATE INDEX pact_versions_provider_id_index ON pact_versions (provider_id);
