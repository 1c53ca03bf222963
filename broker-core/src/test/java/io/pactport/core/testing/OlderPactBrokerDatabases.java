package io.pactport.core.testing;

/**
 * Databases as older Pact Broker releases leave them, for the migrations that bring them to 2.120. Built from the
 * 2.120 schema by undoing, newest first, what each later Ruby migration did (each one's {@code down}), which gives
 * the layout the Ruby broker had before it: the same tables and columns in the same order, the same indexes, and the
 * {@code schema_migrations} rows of that release.
 */
public final class OlderPactBrokerDatabases {

    /** Undoes the Pact Broker migrations of 2.114 to 2.120 (20240112 to 20260217). */
    private static final String DOWN_TO_2108 = """
            DROP INDEX idx_pp_provider_created;
            DROP INDEX idx_verifications_provider_lookup;
            DROP INDEX latest_pp_ids_for_cons_ver_pact_version_id_index;
            CREATE INDEX branch_versions_branch_name_index ON branch_versions (branch_name);
            DROP INDEX pact_versions_consumer_id_index;
            DROP INDEX pact_versions_provider_id_index;
            ALTER TABLE pact_versions DROP COLUMN has_messages;
            DROP INDEX branch_versions_version_id_branch_name_idx;
            ALTER TABLE verifications DROP COLUMN verified_by_client_implementation,
                                      DROP COLUMN verified_by_client_version,
                                      DROP COLUMN verified_by_client_test_framework;
            DELETE FROM schema_migrations WHERE filename > '20231003_add_version_id_index_to_deployed_version.rb';
            """;

    private OlderPactBrokerDatabases() {}

    /** A new database holding an untouched Pact Broker 2.108 schema (schema_migrations up to 20231003, 171 rows). */
    public static TestDatabase pactBroker2108(String purpose) {
        TestDatabase db = PactBrokerDatabases.pactBroker2120(purpose);
        PactBrokerDatabases.execute(db, DOWN_TO_2108);
        return db;
    }
}
