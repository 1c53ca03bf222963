-- Pact Broker 2.118: "which branches is this version on" without visiting the table.
CREATE INDEX branch_versions_version_id_branch_name_idx ON branch_versions (version_id, branch_name);
