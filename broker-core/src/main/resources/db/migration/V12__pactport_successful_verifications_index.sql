-- "Has this pact content been verified successfully by this provider (from this branch, since this date)?" is asked
-- for every candidate of the WIP pacts for verification, up to a few hundred per request. The Pact Broker's schema
-- indexes verifications by pact version only, so each question read every verification of the content from the table
-- (failed ones and WIP ones included): two thirds of the statement's work on the benchmark database. Only the
-- successful, non-WIP results are indexed, with what the question compares, so it is answered from the index.
CREATE INDEX pactport_verifications_successful ON verifications (pact_version_id, provider_id)
    INCLUDE (provider_version_id, execution_date)
    WHERE success AND NOT wip;
