-- Pact Broker 2.119: the latest publications of one pact content.
CREATE INDEX latest_pp_ids_for_cons_ver_pact_version_id_index
    ON latest_pact_publication_ids_for_consumer_versions (pact_version_id);
