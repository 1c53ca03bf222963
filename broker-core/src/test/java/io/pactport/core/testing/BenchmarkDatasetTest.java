package io.pactport.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aThousandthOfTheFullSize() {
        long versions = counts.get("versions");
        assertTrue(versions > 900 && versions < 1100, "versions: " + versions);
        assertEquals(SHAPE.pacticipants(), counts.get("pacticipants"));
        assertEquals(2 * versions, counts.get("latest_pact_publication_ids_for_consumer_versions"));
        assertTrue(counts.get("verifications") > 2 * versions, "duplicate verifications exist");
        assertEquals(2 * versions, counts.get("latest_verification_id_for_pact_version_and_provider_version"));
        assertTrue(counts.get("pact_publications") > 2 * versions, "overwritten revisions exist");
        assertEquals(3, counts.get("environments"));
        // at this scale no version reaches production (every 250th); dev and test have one per pacticipant
        assertEquals(2L * SHAPE.pacticipants(), counts.get("currently_deployed_version_ids"));
    }

    @Test
    void theHelperTablesHoldTheLatestRevisionAndTheLatestVerification() throws SQLException {
        assertEquals(0, count("""
                SELECT count(*) FROM latest_pact_publication_ids_for_consumer_versions l
                JOIN pact_publications pp ON pp.id = l.pact_publication_id
                WHERE pp.pact_version_id <> l.pact_version_id
                   OR pp.revision_number <> (SELECT max(revision_number) FROM pact_publications x
                                             WHERE x.consumer_version_id = l.consumer_version_id
                                               AND x.provider_id = l.provider_id)"""));
        assertEquals(0, count("""
                SELECT count(*) FROM latest_verification_id_for_pact_version_and_provider_version l
                WHERE l.verification_id <> (SELECT max(id) FROM verifications v
                                            WHERE v.pact_version_id = l.pact_version_id
                                              AND v.provider_version_id = l.provider_version_id)"""));
        assertEquals(0, count("""
                SELECT count(*) FROM verifications v JOIN pact_versions pv ON pv.id = v.pact_version_id
                WHERE pv.consumer_id <> v.consumer_id OR pv.provider_id <> v.provider_id"""));
        assertEquals(0, count("""
                SELECT count(*) FROM verifications v
                WHERE NOT EXISTS (SELECT 1 FROM integrations i
                                  WHERE i.consumer_id = v.consumer_id AND i.provider_id = v.provider_id)"""));
    }

    @Test
    void branchesTagsAndDeploymentsAreConsistent() throws SQLException {
        assertEquals(count("SELECT count(*) FROM versions"), count("SELECT count(DISTINCT version_id) FROM branch_versions"));
        assertEquals(count("SELECT count(*) FROM branches"), count("SELECT count(*) FROM branch_heads"));
        assertEquals(0, count("""
                SELECT count(*) FROM branch_heads h JOIN branch_versions bv ON bv.id = h.branch_version_id
                WHERE bv.version_order <> (SELECT max(version_order) FROM branch_versions x
                                           WHERE x.branch_id = h.branch_id)"""));
        assertEquals(0, count("""
                SELECT count(*) FROM tags t JOIN versions v ON v.id = t.version_id
                WHERE t.version_order <> v."order" OR t.pacticipant_id <> v.pacticipant_id"""));
        assertEquals(count("SELECT count(*) FROM deployed_versions WHERE undeployed_at IS NULL"),
                count("SELECT count(*) FROM currently_deployed_version_ids"));
        assertEquals(0, count("SELECT count(*) FROM pacticipants WHERE main_branch IS DISTINCT FROM 'main'"));
        assertEquals(0, count("SELECT count(*) - count(DISTINCT (pacticipant_id, \"order\")) FROM versions"));
    }

    @Test
    void newRowsGetFreshIdsAndOrders() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO pacticipants (name, created_at, updated_at) VALUES ('new', now(), now())");
            s.execute("INSERT INTO versions (number, pacticipant_id, \"order\", created_at, updated_at)"
                    + " SELECT 'x', id, nextval('version_order_sequence'), now(), now() FROM pacticipants"
                    + " WHERE name = 'new'");
        }
        assertEquals(1, count("SELECT count(*) FROM versions WHERE \"order\" > (SELECT max(\"order\") FROM versions"
                + " WHERE number <> 'x')"));
        assertThrows(IllegalStateException.class, () -> BenchmarkDataset.seed(db, 0.001));
    }
}
