-- Pact Broker 2.119: superseded by branch_versions_version_id_branch_name_idx.
DROP INDEX branch_versions_branch_name_index;
