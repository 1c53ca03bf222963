-- retention-service deletes versions, pact publications, pact content and verifications in batches. PostgreSQL
-- checks (or cascades) every foreign key to a deleted row with one lookup on the referencing column per row; without
-- an index that lookup is a sequential scan, so a batch of n rows costs n scans of the referencing table. The Pact
-- Broker's schema leaves two such columns unindexed (its own clean was slow for the same reason).

-- pact_versions deleted as orphans: the FK check, and the clean's own "no publication refers to it" test
CREATE INDEX pactport_pact_publications_pact_version_id ON pact_publications (pact_version_id);
-- versions deleted: the ON DELETE CASCADE of the currently-deployed helper rows
CREATE INDEX pactport_currently_deployed_version_ids_version_id ON currently_deployed_version_ids (version_id);
