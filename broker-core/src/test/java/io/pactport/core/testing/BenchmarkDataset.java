package io.pactport.core.testing;

import io.pactport.core.schema.Migrator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Pact Broker database of benchmark size, written with set-based SQL ({@code generate_series}) in one transaction,
 * every helper and denormalised column filled as broker-api (and the Ruby broker) would have written it. At scale 1 it
 * holds 1,000,000 versions, about 2,020,000 verifications and 200 pacticipants; {@link #seed} takes minutes.
 *
 * <h2>Shape</h2>
 * With {@code P} pacticipants ({@code svc-000} ...) of {@code V} versions each ({@code P = 200·√scale},
 * {@code V = 5000·√scale}, so {@code P·V = 1,000,000·scale}); pacticipant {@code i} (0-based) has id {@code i+1}, and
 * its version {@code n} (0-based) has id {@code i·V+n+1}:
 * <ul>
 * <li><b>versions</b>: number = {@code md5(i:n)} (a commit-like hex string), {@code "order" = 1000 + n·P + i} (global
 * and monotonic by creation, as {@code version_order_sequence} gives), created every 10 s across all pacticipants,
 * the newest about now.</li>
 * <li><b>integrations</b>: every pacticipant is the consumer of {@code (i+1) mod P} and {@code (i+3) mod P}, so also
 * the provider of two consumers ({@code 2·P} integrations).</li>
 * <li><b>branches</b>: main branch {@code main} ({@code pacticipants.main_branch}); every fifth version
 * ({@code n mod 5 = 0}) is on feature branch {@code feat-(n/50)} (10 versions each), the others on {@code main};
 * {@code branch_versions} for every version, {@code branch_heads} at each branch's newest version.</li>
 * <li><b>pacts</b>: every version publishes a pact to each of its two providers (2·P·V publications); the content
 * changes every 20 versions ({@code pact_versions}: 2·P·V/20). Every 100th version ({@code n mod 100 = 7}) was
 * published twice with different content: revision 1 is overwritten, revision 2 is the latest.
 * {@code latest_pact_publication_ids_for_consumer_versions} points at the latest revision.</li>
 * <li><b>verifications</b>: every provider version verifies the current pact of each of its two consumers (the
 * content of the consumer version with the same {@code n}): 2·P·V rows, 1 in 20 failed ({@code n mod 20 = 13}).
 * Every 100th provider version ({@code n mod 100 = 3}) verified twice: a failed run, then a successful re-run with a
 * higher id, which is the one {@code latest_verification_id_for_pact_version_and_provider_version} holds.</li>
 * <li><b>tags</b>: {@code dev} on every 10th version; {@code test} and {@code prod} on the versions deployed there
 * (the pre-environment way); {@code pact_version_provider_tag_successful_verifications} from the successful
 * verifications by tagged provider versions.</li>
 * <li><b>environments</b> {@code dev}, {@code test}, {@code production} (production flag on the last); deployments of
 * every 20th version to dev, 100th to test, 250th to production, each undeploying the one before
 * ({@code undeployed_at}); the last per pacticipant and environment is in {@code currently_deployed_version_ids}.
 * Every tenth pacticipant ({@code i mod 10 = 0}, a mobile app) releases every 500th version to production, the last
 * two still supported.</li>
 * </ul>
 * Sequences and identity columns are moved past the ids written. Foreign keys are not checked while seeding
 * ({@code session_replication_role = replica}, when the user may set it): the rows are consistent by construction, and
 * checking 10 million references would take most of the time.
 */
public final class BenchmarkDataset {

    /** The numbers of a seeded dataset. */
    public record Shape(int pacticipants, int versionsPerPacticipant) {

        public static Shape of(double scale) {
            double root = Math.sqrt(scale);
            return new Shape(Math.max(4, (int) Math.round(200 * root)), Math.max(20, (int) Math.round(5000 * root)));
        }

        public long versions() {
            return (long) pacticipants * versionsPerPacticipant;
        }

        public String pacticipantName(int i) {
            return "svc-%03d".formatted(i);
        }
    }

    private BenchmarkDataset() {}

    /**
     * Migrates the (empty) database and seeds it.
     *
     * @param scale 1.0 for 1M versions; 0.001 for a test-sized one
     * @return the row count of each table written, in the order written
     * @throws IllegalStateException when the database already has pacticipants
     */
    public static Map<String, Long> seed(TestDatabase db, double scale) {
        new Migrator(db.dataSource()).migrate();
        Shape shape = Shape.of(scale);
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pacticipants")) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        throw new IllegalStateException("the benchmark dataset is seeded into an empty database only");
                    }
                }
                skipForeignKeyChecks(c);
                for (String sql : statements(shape)) {
                    s.execute(sql);
                }
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            }
            return counts(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void skipForeignKeyChecks(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SAVEPOINT role");
            s.execute("SET LOCAL session_replication_role = replica");
        } catch (SQLException notAllowed) {
            try (Statement s = c.createStatement()) {
                s.execute("ROLLBACK TO SAVEPOINT role");
            }
        }
    }

    private static Map<String, Long> counts(Connection c) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of(
                "pacticipants",
                "versions",
                "branches",
                "branch_versions",
                "branch_heads",
                "pact_versions",
                "pact_publications",
                "latest_pact_publication_ids_for_consumer_versions",
                "integrations",
                "verifications",
                "latest_verification_id_for_pact_version_and_provider_version",
                "tags",
                "pact_version_provider_tag_successful_verifications",
                "environments",
                "deployed_versions",
                "currently_deployed_version_ids",
                "released_versions")) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                counts.put(table, rs.getLong(1));
            }
        }
        return counts;
    }

    /** The statements, in foreign-key order. {@code P}, {@code V} and derived numbers are written in as literals. */
    static List<String> statements(Shape shape) {
        int p = shape.pacticipants();
        int v = shape.versionsPerPacticipant();
        int branchesPer = 1 + (v - 1) / 50 + 1;
        int contents = (v - 1) / 20 + 1;
        long pv = (long) p * v;
        // created(i, n): every 10 s, the newest now; vid(i, n) = i*V + n + 1
        String base = "(date_trunc('second', now() AT TIME ZONE 'UTC') - interval '" + (pv * 10) + " seconds')";
        String created = base + " + (n * " + p + " + i) * interval '10 seconds'";
        String grid = "generate_series(0, " + (p - 1) + ") i CROSS JOIN generate_series(0, " + (v - 1) + ") n";
        String offset = "CASE WHEN j = 0 THEN 1 ELSE 3 END";
        // the pact content id of integration (consumer c, j) for its version n
        String content = "((c * 2 + j) * " + contents + " + (n / 20) + 1)";
        String previousContent = "((c * 2 + j) * " + contents + " + ((n / 20 + 1) % " + contents + ") + 1)";
        String overwritten = "(n % 100 = 7 AND " + contents + " > 1)";
        return List.of(
                "INSERT INTO pacticipants (id, name, display_name, main_branch, created_at, updated_at)"
                        + " SELECT i + 1, 'svc-' || lpad(i::text, 3, '0'), 'Svc ' || lpad(i::text, 3, '0'), 'main', "
                        + base + ", " + base + " FROM generate_series(0, " + (p - 1) + ") i",
                "INSERT INTO versions (id, number, pacticipant_id, \"order\", created_at, updated_at)"
                        + " SELECT i * " + v + " + n + 1, md5(i || ':' || n), i + 1, 1000 + n * " + p + " + i, "
                        + created + ", " + created + " FROM " + grid,
                // main is branch i*B+1; feat-k is i*B+2+k
                "INSERT INTO branches (id, name, pacticipant_id, created_at, updated_at)"
                        + " SELECT i * " + branchesPer + " + 1, 'main', i + 1, " + base + ", now() AT TIME ZONE 'UTC'"
                        + " FROM generate_series(0, " + (p - 1) + ") i"
                        + " UNION ALL SELECT i * " + branchesPer + " + 2 + n / 50, 'feat-' || (n / 50), i + 1, min("
                        + created + "), max(" + created + ") FROM " + grid + " WHERE n % 5 = 0 GROUP BY i, n / 50",
                "INSERT INTO branch_versions (id, branch_id, version_id, version_order, pacticipant_id, branch_name,"
                        + " created_at, updated_at, auto_created)"
                        + " SELECT i * " + v + " + n + 1, CASE WHEN n % 5 = 0 THEN i * " + branchesPer
                        + " + 2 + n / 50 ELSE i * " + branchesPer + " + 1 END, i * " + v + " + n + 1, 1000 + n * "
                        + p + " + i, i + 1, CASE WHEN n % 5 = 0 THEN 'feat-' || (n / 50) ELSE 'main' END, "
                        + created + ", " + created + ", false FROM " + grid,
                "INSERT INTO branch_heads (branch_id, branch_version_id, version_id, pacticipant_id, branch_name)"
                        + " SELECT DISTINCT ON (branch_id) branch_id, id, version_id, pacticipant_id, branch_name"
                        + " FROM branch_versions ORDER BY branch_id, version_order DESC",
                "INSERT INTO environments (id, uuid, name, display_name, production, created_at, updated_at)"
                        + " VALUES (1, gen_random_uuid()::text, 'dev', 'Dev', false, " + base + ", " + base + "),"
                        + " (2, gen_random_uuid()::text, 'test', 'Test', false, " + base + ", " + base + "),"
                        + " (3, gen_random_uuid()::text, 'production', 'Production', true, " + base + ", " + base
                        + ")",
                "INSERT INTO integrations (id, consumer_id, provider_id, consumer_name, created_at,"
                        + " contract_data_updated_at)"
                        + " SELECT c * 2 + j + 1, c + 1, (c + " + offset + ") % " + p + " + 1,"
                        + " 'svc-' || lpad(c::text, 3, '0'), " + base + ", now() AT TIME ZONE 'UTC'"
                        + " FROM generate_series(0, " + (p - 1) + ") c CROSS JOIN generate_series(0, 1) j",
                "INSERT INTO pact_versions (id, consumer_id, provider_id, sha, content, created_at, interactions_count,"
                        + " messages_count, has_messages)"
                        + " SELECT (c * 2 + j) * " + contents + " + k + 1, c + 1, (c + " + offset + ") % " + p
                        + " + 1, encode(sha256(convert_to(c || ':' || j || ':' || k, 'UTF8')), 'hex'),"
                        + " json_build_object('consumer', json_build_object('name', 'svc-' || lpad(c::text, 3, '0')),"
                        + " 'provider', json_build_object('name', 'svc-' || lpad(((c + " + offset + ") % " + p
                        + ")::text, 3, '0')), 'interactions', json_build_array(json_build_object('_id',"
                        + " md5('interaction' || k), 'description', 'a request, revision ' || k, 'request',"
                        + " json_build_object('method', 'GET', 'path', '/items/' || k), 'response',"
                        + " json_build_object('status', 200))), 'metadata', json_build_object('pactSpecification',"
                        + " json_build_object('version', '2.0.0')))::text, " + base + ", 1, 0, false"
                        + " FROM generate_series(0, " + (p - 1) + ") c CROSS JOIN generate_series(0, 1) j"
                        + " CROSS JOIN generate_series(0, " + (contents - 1) + ") k",
                // revision 1 of every publication (ids 1..2PV); for overwritten ones it holds the previous content
                "INSERT INTO pact_publications (id, consumer_version_id, provider_id, revision_number,"
                        + " pact_version_id, created_at, consumer_id, consumer_version_order)"
                        + " SELECT (c * " + v + " + n) * 2 + j + 1, c * " + v + " + n + 1, (c + " + offset + ") % "
                        + p + " + 1, 1, CASE WHEN " + overwritten + " THEN " + previousContent + " ELSE " + content
                        + " END, " + created.replace("+ i)", "+ c)") + " + interval '30 seconds', c + 1, 1000 + n * "
                        + p + " + c FROM generate_series(0, " + (p - 1) + ") c CROSS JOIN generate_series(0, "
                        + (v - 1) + ") n CROSS JOIN generate_series(0, 1) j",
                "INSERT INTO pact_publications (id, consumer_version_id, provider_id, revision_number,"
                        + " pact_version_id, created_at, consumer_id, consumer_version_order)"
                        + " SELECT " + (2 * pv) + " + (c * " + v + " + n) * 2 + j + 1, c * " + v + " + n + 1, (c + "
                        + offset + ") % " + p + " + 1, 2, " + content + ", " + created.replace("+ i)", "+ c)")
                        + " + interval '60 seconds', c + 1, 1000 + n * " + p + " + c FROM generate_series(0, "
                        + (p - 1) + ") c CROSS JOIN generate_series(0, " + (v - 1) + ") n CROSS JOIN"
                        + " generate_series(0, 1) j WHERE " + overwritten,
                "INSERT INTO latest_pact_publication_ids_for_consumer_versions (consumer_id, consumer_version_id,"
                        + " provider_id, pact_publication_id, pact_version_id, created_at)"
                        + " SELECT c + 1, c * " + v + " + n + 1, (c + " + offset + ") % " + p + " + 1,"
                        + " CASE WHEN " + overwritten + " THEN " + (2 * pv) + " ELSE 0 END + (c * " + v
                        + " + n) * 2 + j + 1, " + content + ", " + created.replace("+ i)", "+ c)")
                        + " FROM generate_series(0, " + (p - 1) + ") c CROSS JOIN generate_series(0, " + (v - 1)
                        + ") n CROSS JOIN generate_series(0, 1) j",
                // provider version (i, n) verifies consumer c = i - offset's pact of its version n
                "INSERT INTO verifications (id, number, success, provider_version, pact_version_id, execution_date,"
                        + " created_at, provider_version_id, consumer_id, provider_id, wip, tag_names)"
                        + " SELECT (i * " + v + " + n) * 2 + j + 1, (i * " + v + " + n) * 2 + j + 1,"
                        + " NOT (n % 100 = 3 OR n % 20 = 13), md5(i || ':' || n), " + content + ", " + created
                        + " + interval '2 minutes', " + created + " + interval '2 minutes', i * " + v + " + n + 1,"
                        + " c + 1, i + 1, false, '[]' FROM " + grid + " CROSS JOIN generate_series(0, 1) j"
                        + " CROSS JOIN LATERAL (SELECT (i - " + offset + " + " + p + ") % " + p + " AS c) cc",
                "INSERT INTO verifications (id, number, success, provider_version, pact_version_id, execution_date,"
                        + " created_at, provider_version_id, consumer_id, provider_id, wip, tag_names)"
                        + " SELECT " + (2 * pv) + " + (i * " + v + " + n) * 2 + j + 1, " + (2 * pv)
                        + " + (i * " + v + " + n) * 2 + j + 1, true, md5(i || ':' || n), " + content + ", "
                        + created + " + interval '5 minutes', " + created + " + interval '5 minutes', i * " + v
                        + " + n + 1, c + 1, i + 1, false, '[]' FROM " + grid + " CROSS JOIN generate_series(0, 1) j"
                        + " CROSS JOIN LATERAL (SELECT (i - " + offset + " + " + p + ") % " + p + " AS c) cc"
                        + " WHERE n % 100 = 3",
                "INSERT INTO latest_verification_id_for_pact_version_and_provider_version (consumer_id,"
                        + " pact_version_id, provider_id, provider_version_id, verification_id, created_at)"
                        + " SELECT DISTINCT ON (pact_version_id, provider_version_id) consumer_id, pact_version_id,"
                        + " provider_id, provider_version_id, id, created_at FROM verifications"
                        + " ORDER BY pact_version_id, provider_version_id, id DESC",
                "CREATE TEMPORARY TABLE benchmark_deployments ON COMMIT DROP AS"
                        + " SELECT i, n, e, " + created + " + interval '10 minutes' AS at FROM " + grid
                        + " CROSS JOIN generate_series(1, 3) e"
                        + " WHERE (e = 1 AND n % 20 = 19) OR (e = 2 AND n % 100 = 99) OR (e = 3 AND n % 250 = 249)",
                "INSERT INTO deployed_versions (id, uuid, version_id, pacticipant_id, environment_id, created_at,"
                        + " updated_at, undeployed_at, target, target_for_index, auto_created)"
                        + " SELECT row_number() OVER (ORDER BY i, e, n), gen_random_uuid()::text, i * " + v
                        + " + n + 1, i + 1, e, at, at, lead(at) OVER (PARTITION BY i, e ORDER BY n), NULL, '',"
                        + " false FROM benchmark_deployments",
                "INSERT INTO currently_deployed_version_ids (id, target_for_index, pacticipant_id, environment_id,"
                        + " version_id, deployed_version_id)"
                        + " SELECT row_number() OVER (ORDER BY id), '', pacticipant_id, environment_id, version_id, id"
                        + " FROM deployed_versions WHERE undeployed_at IS NULL",
                "INSERT INTO released_versions (id, uuid, version_id, pacticipant_id, environment_id, created_at,"
                        + " updated_at, support_ended_at)"
                        + " SELECT row_number() OVER (ORDER BY i, n), gen_random_uuid()::text, i * " + v + " + n + 1,"
                        + " i + 1, 3, " + created + ", " + created + ", CASE WHEN n < " + v + " - 1001 THEN " + created
                        + " + interval '30 days' END FROM " + grid + " WHERE i % 10 = 0 AND n % 500 = 499",
                "INSERT INTO tags (name, version_id, pacticipant_id, version_order, created_at, updated_at)"
                        + " SELECT 'dev', i * " + v + " + n + 1, i + 1, 1000 + n * " + p + " + i, " + created + ", "
                        + created + " FROM " + grid + " WHERE n % 10 = 0"
                        + " UNION ALL SELECT CASE e WHEN 2 THEN 'test' ELSE 'prod' END, i * " + v + " + n + 1, i + 1,"
                        + " 1000 + n * " + p + " + i, at, at FROM benchmark_deployments WHERE e IN (2, 3)",
                "INSERT INTO pact_version_provider_tag_successful_verifications (pact_version_id,"
                        + " provider_version_tag_name, wip, verification_id, execution_date)"
                        + " SELECT DISTINCT ON (ver.pact_version_id, t.name) ver.pact_version_id, t.name, false, ver.id,"
                        + " ver.execution_date FROM verifications ver JOIN tags t ON t.version_id ="
                        + " ver.provider_version_id WHERE ver.success ORDER BY ver.pact_version_id, t.name, ver.id",
                "SELECT setval('version_order_sequence', (SELECT max(\"order\") + 1 FROM versions))",
                "SELECT setval('verification_number_sequence', (SELECT max(number) + 1 FROM verifications))",
                """
                DO $$
                DECLARE t text; s text;
                BEGIN
                  FOREACH t IN ARRAY ARRAY['pacticipants', 'versions', 'branches', 'branch_versions', 'environments',
                      'integrations', 'pact_versions', 'pact_publications', 'verifications', 'deployed_versions',
                      'currently_deployed_version_ids', 'released_versions'] LOOP
                    s := pg_get_serial_sequence(t, 'id');
                    IF s IS NOT NULL THEN
                      EXECUTE format('SELECT setval(%L, (SELECT coalesce(max(id), 0) + 1 FROM %I), false)', s, t);
                    END IF;
                  END LOOP;
                END $$""");
    }
}
