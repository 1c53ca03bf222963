-- "Which versions of these applications are released and still supported in this environment" is asked by
-- can-i-deploy --to-environment, the matrix with an environment, and the deployedOrReleased / released / environment
-- selectors of pacts for verification, always for given pacticipants. The Pact Broker's schema indexes released_versions
-- only by version and by support_ended_at, so the question reads every supported release of every application: a
-- sequential scan once releases accumulate (a mobile app records one per build and seldom ends support). Only the
-- supported ones are indexed: they are what is asked for, and ended ones are never looked up by pacticipant.
CREATE INDEX pactport_released_versions_supported ON released_versions (pacticipant_id, environment_id)
    WHERE support_ended_at IS NULL;
