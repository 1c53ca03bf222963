-- Pact Broker 2.114: which client library (implementation, version, test framework) published a verification.
ALTER TABLE verifications
    ADD COLUMN verified_by_client_implementation text,
    ADD COLUMN verified_by_client_version text,
    ADD COLUMN verified_by_client_test_framework text;
