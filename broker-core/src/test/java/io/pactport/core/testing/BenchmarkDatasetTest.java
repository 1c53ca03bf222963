package io.pactport.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The benchmark dataset at 1/1000 scale: its size, and the Pact Broker's invariants on every helper table. */
class BenchmarkDatasetTest {

    private static TestDatabase db;
    private static Map<String, Long> counts;
    private static final BenchmarkDataset.Shape SHAPE = BenchmarkDataset.Shape.of(0.001);

    @BeforeAll
    static void seed() {
        db = TestPostgres.newDatabase("benchmark");
        counts = BenchmarkDataset.seed(db, 0.001);
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aThousandthOfTheFullSize() {
        long versions = counts.get("versions");
        assertThat(versions).as("versions").isStrictlyBetween(900L, 1100L);
        assertThat(counts).containsEntry("pacticipants", (long) SHAPE.pacticipants());
        assertThat(counts).containsEntry("latest_pact_publication_ids_for_consumer_versions", 2 * versions);
        assertThat(counts.get("verifications"))
                .as("duplicate verifications exist")
                .isGreaterThan(2 * versions);
        assertThat(counts).containsEntry("latest_verification_id_for_pact_version_and_provider_version", 2 * versions);
        assertThat(counts.get("pact_publications"))
                .as("overwritten revisions exist")
                .isGreaterThan(2 * versions);
        assertThat(counts).containsEntry("environments", 3L);
        // at this scale no version reaches production (every 250th); dev and test have one per pacticipant
        assertThat(counts).containsEntry("currently_deployed_version_ids", 2L * SHAPE.pacticipants());
    }

    @Test
    void theHelperTablesHoldTheLatestRevisionAndTheLatestVerification() throws SQLException {
        assertThat(count("""
                SELECT count(*) FROM latest_pact_publication_ids_for_consumer_versions l
                JOIN pact_publications pp ON pp.id = l.pact_publication_id
                WHERE pp.pact_version_id <> l.pact_version_id
                   OR pp.revision_number <> (SELECT max(revision_number) FROM pact_publications x
                                             WHERE x.consumer_version_id = l.consumer_version_id
                                               AND x.provider_id = l.provider_id)""")).isZero();
        assertThat(count("""
                SELECT count(*) FROM latest_verification_id_for_pact_version_and_provider_version l
                WHERE l.verification_id <> (SELECT max(id) FROM verifications v
                                            WHERE v.pact_version_id = l.pact_version_id
                                              AND v.provider_version_id = l.provider_version_id)""")).isZero();
        assertThat(count("""
                SELECT count(*) FROM verifications v JOIN pact_versions pv ON pv.id = v.pact_version_id
                WHERE pv.consumer_id <> v.consumer_id OR pv.provider_id <> v.provider_id""")).isZero();
        assertThat(count("""
                SELECT count(*) FROM verifications v
                WHERE NOT EXISTS (SELECT 1 FROM integrations i
                                  WHERE i.consumer_id = v.consumer_id AND i.provider_id = v.provider_id)""")).isZero();
    }

    @Test
    void branchesTagsAndDeploymentsAreConsistent() throws SQLException {
        assertThat(count("SELECT count(DISTINCT version_id) FROM branch_versions"))
                .isEqualTo(count("SELECT count(*) FROM versions"));
        assertThat(count("SELECT count(*) FROM branch_heads")).isEqualTo(count("SELECT count(*) FROM branches"));
        assertThat(count("""
                SELECT count(*) FROM branch_heads h JOIN branch_versions bv ON bv.id = h.branch_version_id
                WHERE bv.version_order <> (SELECT max(version_order) FROM branch_versions x
                                           WHERE x.branch_id = h.branch_id)""")).isZero();
        assertThat(count("""
                SELECT count(*) FROM tags t JOIN versions v ON v.id = t.version_id
                WHERE t.version_order <> v."order" OR t.pacticipant_id <> v.pacticipant_id""")).isZero();
        assertThat(count("SELECT count(*) FROM currently_deployed_version_ids"))
                .isEqualTo(count("SELECT count(*) FROM deployed_versions WHERE undeployed_at IS NULL"));
        assertThat(count("SELECT count(*) FROM pacticipants WHERE main_branch IS DISTINCT FROM 'main'"))
                .isZero();
        assertThat(count("SELECT count(*) - count(DISTINCT (pacticipant_id, \"order\")) FROM versions"))
                .isZero();
    }

    @Test
    void newRowsGetFreshIdsAndOrders() throws SQLException {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO pacticipants (name, created_at, updated_at) VALUES ('new', now(), now())");
            s.execute("INSERT INTO versions (number, pacticipant_id, \"order\", created_at, updated_at)"
                    + " SELECT 'x', id, nextval('version_order_sequence'), now(), now() FROM pacticipants"
                    + " WHERE name = 'new'");
        }
        assertThat(count("SELECT count(*) FROM versions WHERE \"order\" > (SELECT max(\"order\") FROM versions"
                        + " WHERE number <> 'x')"))
                .isOne();
        assertThatThrownBy(() -> BenchmarkDataset.seed(db, 0.001)).isInstanceOf(IllegalStateException.class);
    }
}
