package io.pactport.api.environments;

import static io.pactport.api.ApiFixture.analysedDatabase;
import static io.pactport.api.ApiFixture.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.api.matrix.MatrixSelector;
import io.pactport.api.matrix.VersionSelection;
import io.pactport.api.pactsforverification.ConsumerVersionSelector;
import io.pactport.api.pactsforverification.PactsForVerificationRepository;
import io.pactport.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The statements that ask which versions are released and still supported, on a database where releases have
 * accumulated (every fourth version of 40 applications released to production and none of them ended, as a mobile
 * app records them: 20,000 supported releases among 100,000 versions): each looks the releases up by pacticipant
 * through V9's partial index, never reading released_versions from end to end. Pacts for verification read no table
 * that grows with the versions from end to end either (currently_deployed_version_ids holds a row per application,
 * environment and target, so it stays small). The matrix's statement may read the versions table once per application
 * here, where 500 of its versions are in production: PostgreSQL's costs rightly prefer that to 500 look-ups of a
 * 100,000-row table, and with the handful of versions an environment usually holds, it looks them up by id.
 */
class ReleasedVersionsPlanTest {

    private static final Pattern RELEASES_SCAN = Pattern.compile("Seq Scan on released_versions\\b");
    private static final Pattern LARGE_TABLE_SCAN = Pattern.compile(
            "Seq Scan on (released_versions|versions|"
                    + "pact_publications|pact_versions|latest_pact_publication_ids_for_consumer_versions|deployed_versions)\\b");
    private static final Pattern BY_PACTICIPANT =
            Pattern.compile("Index (Only )?Scan (using|on) pactport_released_versions_supported\\b");

    private static TestDatabase database;
    private static long providerId;
    private static long productionId;
    private static Long[] consumerIds;

    @BeforeAll
    static void seed() {
        database = analysedDatabase("released_plans", SEED);
        providerId = count(database, "SELECT id FROM pacticipants WHERE name = 'p0'");
        productionId = count(database, "SELECT id FROM environments WHERE name = 'production'");
        consumerIds = new Long[] {
            count(database, "SELECT id FROM pacticipants WHERE name = 'c10'"),
            count(database, "SELECT id FROM pacticipants WHERE name = 'c20'")
        };
    }

    @Test
    void theMatrixFindsTheVersionsInAnEnvironmentByPacticipant() throws SQLException {
        List<Object> parameters = new ArrayList<>(List.of((Object) consumerIds));
        String sql =
                VersionSelection.sql(MatrixSelector.target(false, null, false, "production"), productionId, parameters);
        // c10 and c20: 500 releases each, the latest also deployed
        assertReleasesByPacticipant("the versions in production", plan(sql, parameters), 1000);
    }

    @Test
    void pactsForVerificationFindTheReleasesOfTheProvidersConsumersOnly() throws SQLException {
        // p0's consumers are c10, c20, c30 and c40: 500 releases each, each version with its pact; 4 deployments
        assertIndexDriven(
                "released",
                PactsForVerificationRepository.selection(
                        providerId, List.of(ConsumerVersionSelector.currentlySupported())),
                2000);
        assertIndexDriven(
                "environment production",
                PactsForVerificationRepository.selection(
                        providerId,
                        List.of(ConsumerVersionSelector.builder()
                                .environment("production")
                                .build())),
                2004);
    }

    private static void assertIndexDriven(
            String name, PactsForVerificationRepository.Statement statement, int expectedRows) throws SQLException {
        String plan = plan(statement.sql(), statement.parameters());
        assertThat(LARGE_TABLE_SCAN.matcher(plan).find())
                .as(name + " reads a large table sequentially:\n" + plan)
                .isFalse();
        assertReleasesByPacticipant(name, plan, expectedRows);
    }

    private static void assertReleasesByPacticipant(String name, String plan, int expectedRows) {
        assertThat(RELEASES_SCAN.matcher(plan).find())
                .as(name + " reads every release:\n" + plan)
                .isFalse();
        assertThat(BY_PACTICIPANT.matcher(plan).find())
                .as(name + " finds releases by pacticipant:\n" + plan)
                .isTrue();
        assertThat(plan).as(name + ": the rows").contains("rows=" + expectedRows + " loops=1)");
    }

    private static String plan(String sql, List<Object> parameters) throws SQLException {
        try (Connection c = database.connect();
                Statement s = c.createStatement()) {
            s.execute("PREPARE q AS " + sql);
            List<String> literals =
                    parameters.stream().map(ReleasedVersionsPlanTest::literal).toList();
            List<String> lines = new ArrayList<>();
            try (ResultSet rows = s.executeQuery(
                    "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) EXECUTE q(" + String.join(", ", literals) + ")")) {
                while (rows.next()) {
                    lines.add(rows.getString(1));
                }
            }
            s.execute("DEALLOCATE q");
            return String.join("\n", lines);
        }
    }

    private static String literal(Object value) {
        if (value == null) {
            return "NULL";
        } else if (value instanceof Number) {
            return value.toString();
        } else if (value instanceof Object[] array) {
            return "ARRAY["
                    + Arrays.stream(array)
                            .map(ReleasedVersionsPlanTest::literal)
                            .collect(Collectors.joining(", ")) + "]";
        }
        return "'" + value.toString().replace("'", "''") + "'";
    }

    /**
     * Consumers c1 to c40 with 2,000 versions each, every version with a pact for provider p(i mod 10), every fourth
     * released to production and still supported; each consumer's latest version also deployed to production.
     */
    private static final String SEED = """
            INSERT INTO pacticipants (name, main_branch, created_at, updated_at)
            SELECT 'c' || i, 'main', now(), now() FROM generate_series(1, 40) i;
            INSERT INTO pacticipants (name, main_branch, created_at, updated_at)
            SELECT 'p' || i, 'main', now(), now() FROM generate_series(0, 9) i;
            INSERT INTO versions (number, pacticipant_id, "order", created_at, updated_at)
            SELECT n::text, c.id, nextval('version_order_sequence'), now() - (2000 - n) * interval '1 hour', now()
            FROM generate_series(1, 2000) n CROSS JOIN pacticipants c ORDER BY n, c.id;
            INSERT INTO pact_versions (consumer_id, provider_id, sha, content, created_at)
            SELECT v.pacticipant_id, p.id, md5(v.id::text), '{}', v.created_at
            FROM versions v JOIN pacticipants c ON c.id = v.pacticipant_id AND c.name LIKE 'c%'
            JOIN pacticipants p ON p.name = 'p' || (substring(c.name FROM 2)::int % 10);
            INSERT INTO pact_publications (consumer_version_id, provider_id, revision_number, pact_version_id,
                                           created_at, consumer_id, consumer_version_order)
            SELECT v.id, pv.provider_id, 1, pv.id, v.created_at, v.pacticipant_id, v."order"
            FROM versions v JOIN pact_versions pv ON pv.sha = md5(v.id::text);
            INSERT INTO latest_pact_publication_ids_for_consumer_versions
                   (consumer_id, consumer_version_id, provider_id, pact_publication_id, pact_version_id, created_at)
            SELECT consumer_id, consumer_version_id, provider_id, id, pact_version_id, created_at
            FROM pact_publications;
            INSERT INTO integrations (consumer_id, provider_id, created_at)
            SELECT DISTINCT consumer_id, provider_id, now() FROM pact_publications;
            INSERT INTO environments (uuid, name, display_name, production, created_at, updated_at)
            VALUES ('e-test', 'test', 'Test', false, now(), now()),
                   ('e-prod', 'production', 'Production', true, now(), now());
            INSERT INTO released_versions (uuid, version_id, pacticipant_id, environment_id, created_at, updated_at)
            SELECT 'r-' || v.id, v.id, v.pacticipant_id, e.id, v.created_at, v.created_at
            FROM versions v JOIN pacticipants c ON c.id = v.pacticipant_id AND c.name LIKE 'c%'
            JOIN environments e ON e.name = 'production' WHERE v.number::int % 4 = 0;
            INSERT INTO deployed_versions (uuid, version_id, pacticipant_id, environment_id, created_at, updated_at)
            SELECT 'd-' || v.id, v.id, v.pacticipant_id, e.id, now(), now()
            FROM versions v JOIN pacticipants c ON c.id = v.pacticipant_id AND c.name LIKE 'c%'
            JOIN environments e ON e.name = 'production' WHERE v.number = '2000';
            INSERT INTO currently_deployed_version_ids (target_for_index, pacticipant_id, environment_id, version_id,
                                                        deployed_version_id)
            SELECT '', pacticipant_id, environment_id, version_id, id FROM deployed_versions
            """;
}
