package io.pactport.api.pactsforverification;

import static io.pactport.api.ApiFixture.analysedDatabase;
import static io.pactport.api.ApiFixture.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plans of every pacts-for-verification statement on a moderately seeded database (200 pacticipants, 40,000
 * versions, 30,000 pacts, 60,000 verifications, 25,000 branches; a provider has three consumers): none reads a large
 * table from end to end. The plans, with their timings, are written to {@code target/pacts-for-verification-plans.txt}.
 */
class PactsForVerificationPlanTest {

    /** Tables that grow with the number of versions; a sequential scan of one is what makes a broker slow. */
    private static final Pattern LARGE_TABLE_SCAN = Pattern.compile("Seq Scan on (versions|pact_publications|"
            + "pact_versions|verifications|tags|branch_versions|branch_heads|branches|"
            + "latest_pact_publication_ids_for_consumer_versions|"
            + "latest_verification_id_for_pact_version_and_provider_version|"
            + "pact_version_provider_tag_successful_verifications)\\b");

    /**
     * Every tag of a consumer read and sorted to find each name's latest version: the consumer's tags are {@code t}
     * (planned as {@code t}, {@code t_1}, …). The provider's first tag of a name ({@code ft}) is one name's rows, by
     * index, and may well be a bitmap scan.
     */
    private static final Pattern TAGS_READ_WHOLE = Pattern.compile("Sort Key: t\\.name|Heap Scan on tags t(_\\d+)?\\b");

    private static TestDatabase database;
    private static long providerId;
    private static final Map<String, String> PLANS = new LinkedHashMap<>();

    @BeforeAll
    static void seed() {
        database = analysedDatabase("pfv_plans", SEED);
        providerId = count(database, "SELECT id FROM pacticipants WHERE name = 'p0'");
    }

    @AfterAll
    static void writePlans() throws IOException {
        StringBuilder text = new StringBuilder();
        PLANS.forEach((name, plan) ->
                text.append("== ").append(name).append('\n').append(plan).append('\n'));
        Files.writeString(Path.of("target", "pacts-for-verification-plans.txt"), text);
    }

    @Test
    void everySelectorKindInOneStatement() throws SQLException {
        List<ConsumerVersionSelector> selectors = List.of(
                ConsumerVersionSelector.mainBranchOf(null),
                ConsumerVersionSelector.latestForBranch("feat-3", null),
                ConsumerVersionSelector.builder().eachBranch(true).latest(true).build(),
                ConsumerVersionSelector.latestForTag("prod", null),
                ConsumerVersionSelector.builder().tag("prod").consumer("c7").build(),
                ConsumerVersionSelector.builder()
                        .tag("feat-x")
                        .latest(true)
                        .fallbackTag("dev")
                        .build(),
                ConsumerVersionSelector.overallLatest(null),
                ConsumerVersionSelector.currentlyDeployed(),
                ConsumerVersionSelector.currentlySupported(),
                ConsumerVersionSelector.builder().environment("production").build());
        PactsForVerificationRepository.Statement statement =
                PactsForVerificationRepository.selection(providerId, selectors);
        assertIndexDriven("every selector kind", statement.sql(), statement.parameters());
    }

    @Test
    void theDefaults() throws SQLException {
        assertIndexDriven(
                "consumers for the default selectors", PactsForVerificationRepository.CONSUMERS, List.of(providerId));
    }

    @Test
    void pendingByBranchByTagsAndAtAll() throws SQLException {
        Integer[] pactVersionIds = pactVersionIds();
        assertIndexDriven(
                "pending by branch",
                PactsForVerificationRepository.PENDING_FOR_BRANCH,
                List.of(pactVersionIds, providerId, "main"));
        assertIndexDriven(
                "pending by tags",
                PactsForVerificationRepository.PENDING_FOR_TAGS,
                List.of(pactVersionIds, providerId, new String[] {"main", "prod"}));
        assertIndexDriven("pending at all", PactsForVerificationRepository.PENDING_FOR_ANY, List.<Object>of((Object)
                pactVersionIds));
    }

    @Test
    void workInProgress() throws SQLException {
        LocalDateTime since = LocalDateTime.now().minusDays(2);
        // broker-api runs them with generic plans (GenericPlans): those are the plans that must be index-driven
        String byBranch = assertIndexDriven(
                "WIP by branch (generic plan)",
                PactsForVerificationRepository.WIP_FOR_BRANCH,
                List.of(providerId, since, "main", LocalDateTime.now().minusDays(30)),
                true);
        String byTags = assertIndexDriven(
                "WIP by tags (generic plan)",
                PactsForVerificationRepository.WIP_FOR_TAGS,
                List.of(providerId, since, new String[] {"main"}),
                true);
        for (String plan : List.of(byBranch, byTags)) {
            // a consumer's tag heads come from one probe per tag name, not from sorting all its tags
            assertThat(TAGS_READ_WHOLE.matcher(plan).find())
                    .as(() -> "every tag of a consumer is read:\n" + plan)
                    .isFalse();
        }
        // the successful verifications are looked up in V12's index, not among all results of a content
        assertThat(byBranch.contains("using pactport_verifications_successful"))
                .as(() -> "WIP by branch does not use pactport_verifications_successful:\n" + byBranch)
                .isTrue();
    }

    /** The pact contents of the provider's latest 60 consumer versions, as a pending check would get them. */
    private static Integer[] pactVersionIds() throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (Connection c = database.connect();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT pact_version_id"
                        + " FROM latest_pact_publication_ids_for_consumer_versions WHERE provider_id = " + providerId
                        + " ORDER BY consumer_version_id DESC LIMIT 60")) {
            while (rows.next()) {
                ids.add(rows.getInt(1));
            }
        }
        return ids.toArray(Integer[]::new);
    }

    private static void assertIndexDriven(String name, String sql, List<Object> parameters) throws SQLException {
        assertIndexDriven(name, sql, parameters, false);
    }

    /** The plan (PostgreSQL's choice for these values, or the generic one), once it reads no large table whole. */
    private static String assertIndexDriven(String name, String sql, List<Object> parameters, boolean generic)
            throws SQLException {
        String plan;
        try (Connection c = database.connect();
                Statement s = c.createStatement()) {
            if (generic) {
                s.execute("SET plan_cache_mode = force_generic_plan");
            }
            s.execute("PREPARE q AS " + sql);
            List<String> literals = parameters.stream()
                    .map(PactsForVerificationPlanTest::literal)
                    .toList();
            try (ResultSet rows =
                    s.executeQuery("EXPLAIN (ANALYZE, COSTS OFF) EXECUTE q(" + String.join(", ", literals) + ")")) {
                List<String> lines = new ArrayList<>();
                while (rows.next()) {
                    lines.add(rows.getString(1));
                }
                plan = String.join("\n", lines);
            }
            s.execute("DEALLOCATE q");
        }
        PLANS.put(name, plan);
        Matcher scan = LARGE_TABLE_SCAN.matcher(plan);
        assertThat(scan.find())
                .as(() -> name + " reads a large table sequentially:\n" + plan)
                .isFalse();
        return plan;
    }

    private static String literal(Object value) {
        if (value == null) {
            return "NULL";
        } else if (value instanceof Number) {
            return value.toString();
        } else if (value instanceof LocalDateTime time) {
            return "'" + time + "'";
        } else if (value instanceof Object[] array) {
            return "ARRAY["
                    + Arrays.stream(array)
                            .map(PactsForVerificationPlanTest::literal)
                            .collect(Collectors.joining(", ")) + "]";
        }
        return "'" + value.toString().replace("'", "''") + "'";
    }

    /**
     * 100 consumers with 300 versions each (every fourth on main, the others on short feature branches; tags dev and
     * prod), each version with a pact for one of three providers; 100 providers with 100 versions (numbered from
     * 100001) on main, tagged main; two verifications of every pact content; deployments and releases of each
     * consumer's latest main version.
     */
    private static final String SEED = """
            INSERT INTO pacticipants (name, main_branch, created_at, updated_at)
            SELECT 'c' || i, 'main', now(), now() FROM generate_series(1, 100) i;
            INSERT INTO pacticipants (name, main_branch, created_at, updated_at)
            SELECT 'p' || i, 'main', now(), now() FROM generate_series(0, 99) i;
            INSERT INTO versions (number, pacticipant_id, "order", created_at, updated_at)
            SELECT n::text, c.id, nextval('version_order_sequence'), now() - (300 - n) * interval '1 hour', now()
            FROM generate_series(1, 300) n CROSS JOIN pacticipants c WHERE c.name LIKE 'c%' ORDER BY n, c.id;
            INSERT INTO versions (number, pacticipant_id, "order", created_at, updated_at)
            SELECT (100000 + n)::text, p.id, nextval('version_order_sequence'), now() - (100 - n) * interval '1 hour',
                   now()
            FROM generate_series(1, 100) n CROSS JOIN pacticipants p WHERE p.name LIKE 'p%' ORDER BY n, p.id;
            INSERT INTO pact_versions (consumer_id, provider_id, sha, content, created_at)
            SELECT v.pacticipant_id, p.id, md5(v.id::text), '{}', v.created_at
            FROM versions v JOIN pacticipants c ON c.id = v.pacticipant_id AND c.name LIKE 'c%'
            JOIN pacticipants p ON p.name = 'p' || ((substring(c.name FROM 2)::int + v.number::int % 3) % 100);
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
            CREATE TEMP TABLE version_branch AS
            SELECT v.id AS version_id, v.pacticipant_id, v."order", v.created_at,
                   CASE WHEN c.name LIKE 'p%' THEN 'main' WHEN v.number::int % 4 = 0 THEN 'main'
                        ELSE 'feat-' || (v.number::int / 2) END AS name
            FROM versions v JOIN pacticipants c ON c.id = v.pacticipant_id;
            INSERT INTO branches (name, pacticipant_id, created_at, updated_at)
            SELECT name, pacticipant_id, min(created_at), max(created_at) FROM version_branch GROUP BY 1, 2;
            INSERT INTO branch_versions (branch_id, version_id, version_order, pacticipant_id, branch_name, created_at,
                                         updated_at)
            SELECT b.id, vb.version_id, vb."order", vb.pacticipant_id, b.name, vb.created_at, vb.created_at
            FROM version_branch vb JOIN branches b ON b.pacticipant_id = vb.pacticipant_id AND b.name = vb.name;
            INSERT INTO branch_heads (branch_id, branch_version_id, version_id, pacticipant_id, branch_name)
            SELECT DISTINCT ON (branch_id) branch_id, id, version_id, pacticipant_id, branch_name
            FROM branch_versions ORDER BY branch_id, version_order DESC;
            INSERT INTO tags (name, version_id, created_at, updated_at, pacticipant_id, version_order)
            SELECT t.name, v.id, v.created_at, v.created_at, v.pacticipant_id, v."order"
            FROM versions v JOIN pacticipants c ON c.id = v.pacticipant_id AND c.name LIKE 'c%'
            JOIN (VALUES ('prod', 20), ('dev', 5)) t(name, every) ON v.number::int % t.every = 0;
            INSERT INTO tags (name, version_id, created_at, updated_at, pacticipant_id, version_order)
            SELECT 'main', v.id, v.created_at, v.created_at, v.pacticipant_id, v."order"
            FROM versions v JOIN pacticipants p ON p.id = v.pacticipant_id AND p.name LIKE 'p%';
            INSERT INTO verifications (number, success, pact_version_id, execution_date, created_at,
                                       provider_version_id, consumer_id, provider_id, wip)
            SELECT nextval('verification_number_sequence'), pv.id % 3 <> 0, pv.id,
                   pv.created_at + interval '1 minute', pv.created_at + interval '1 minute', prv.id, pv.consumer_id,
                   pv.provider_id, false
            FROM pact_versions pv CROSS JOIN generate_series(0, 1) k
            JOIN versions prv ON prv.pacticipant_id = pv.provider_id
                             AND prv.number = (100001 + (pv.id + k) % 100)::text;
            INSERT INTO latest_verification_id_for_pact_version_and_provider_version
                   (consumer_id, pact_version_id, provider_id, provider_version_id, verification_id, created_at)
            SELECT DISTINCT ON (pact_version_id, provider_version_id) consumer_id, pact_version_id, provider_id,
                   provider_version_id, id, created_at
            FROM verifications ORDER BY pact_version_id, provider_version_id, id DESC;
            INSERT INTO pact_version_provider_tag_successful_verifications (pact_version_id, provider_version_tag_name,
                                                                            wip, verification_id, execution_date)
            SELECT DISTINCT ON (v.pact_version_id) v.pact_version_id, 'main', false, v.id, v.execution_date
            FROM verifications v WHERE v.success ORDER BY v.pact_version_id, v.id;
            INSERT INTO environments (uuid, name, display_name, production, created_at, updated_at)
            VALUES ('e-test', 'test', 'Test', false, now(), now()),
                   ('e-prod', 'production', 'Production', true, now(), now());
            INSERT INTO deployed_versions (uuid, version_id, pacticipant_id, environment_id, created_at, updated_at)
            SELECT 'd-' || e.name || '-' || bh.version_id, bh.version_id, bh.pacticipant_id, e.id, now(), now()
            FROM branch_heads bh JOIN pacticipants c ON c.id = bh.pacticipant_id AND c.name LIKE 'c%'
            CROSS JOIN environments e WHERE bh.branch_name = 'main';
            INSERT INTO currently_deployed_version_ids (target_for_index, pacticipant_id, environment_id, version_id,
                                                        deployed_version_id)
            SELECT '', pacticipant_id, environment_id, version_id, id FROM deployed_versions;
            INSERT INTO released_versions (uuid, version_id, pacticipant_id, environment_id, created_at, updated_at)
            SELECT 'r-' || bh.version_id, bh.version_id, bh.pacticipant_id, e.id, now(), now()
            FROM branch_heads bh JOIN pacticipants c ON c.id = bh.pacticipant_id AND c.name LIKE 'c%'
            JOIN environments e ON e.name = 'production' WHERE bh.branch_name = 'main'
            """;
}
