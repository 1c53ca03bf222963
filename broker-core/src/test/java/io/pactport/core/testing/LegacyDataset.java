package io.pactport.core.testing;

import io.pactport.core.pact.PactContent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A Pact Broker's data as years of CI leave it, written straight into a Pact Broker database the way the Ruby broker
 * writes it: pacticipants with thousands of versions on branches (with their heads) and tags, pacts that mostly repeat
 * (one pact_versions row shared by many publications), some overwritten by a second revision, V3 message pacts and V4
 * pacts with message interactions, verifications with their "latest" helper rows, environments with deployments and
 * releases, webhooks with their triggers and executions. Every helper table is filled as the Ruby broker fills it.
 *
 * <p>Rows get explicit ids (so thousands of them go in as a few batches) and every sequence is moved past them
 * afterwards, as a restored dump leaves it. Works on the 2.120 layout and on older ones: columns a layout lacks
 * ({@code pact_versions.has_messages}, {@code verifications.verified_by_client_*}) are left out.
 */
public final class LegacyDataset {

    /** What was written, for assertions. */
    public record Summary(
            int pacticipants,
            int versions,
            int pactVersions,
            int pactPublications,
            int verifications,
            int messagePacts,
            Model model) {}

    /**
     * What the data says, as the generator decided it, for tests that derive the broker's answers (the matrix,
     * can-i-deploy) from the data itself rather than from SQL over the tables.
     *
     * @param integrations each {consumer, provider}
     * @param versions per pacticipant, its versions in order
     * @param pacts per consumer version id, per provider, the pact_versions id of its latest revision
     * @param verifications per {pact_versions id, provider version id}, the success of the latest verification
     * @param environments per environment name, per pacticipant, the ids of the versions currently deployed there
     *        or released and still supported
     */
    public record Model(
            List<List<String>> integrations,
            Map<String, List<Version>> versions,
            Map<Integer, Map<String, Integer>> pacts,
            Map<List<Integer>, Boolean> verifications,
            Map<String, Map<String, Set<Integer>>> environments) {}

    /** A version as written: its id, number, order and tag names. */
    public record Version(int id, String number, int order, List<String> tags) {}

    private static final String[][] INTEGRATIONS = {
        {"Web App", "Orders API", "http"},
        {"Web App", "Users API", "http"},
        {"Mobile App", "Orders API", "http"},
        {"Mobile App", "Users API", "http"},
        {"Orders API", "Payments API", "v3-messages"},
        {"Billing Worker", "Payments API", "v4-mixed"},
    };
    private static final String[] PACTICIPANTS = {
        "Web App", "Mobile App", "Orders API", "Users API", "Payments API", "Billing Worker"
    };
    private static final String[] BRANCHES = {"main", "feat/checkout", "feat/search", "fix/ünïcode", "renovate/deps"};
    private static final LocalDateTime EPOCH = LocalDateTime.of(2023, 1, 2, 9, 0);

    private final Connection c;
    private final Random random;
    private final boolean hasMessagesColumn;
    private final boolean clientColumns;
    private final Map<String, Integer> pacticipantIds = new LinkedHashMap<>();
    /** Per pacticipant, its version ids in order. */
    private final Map<String, List<Integer>> versionIds = new HashMap<>();

    private final Map<Integer, Integer> versionOrder = new HashMap<>();
    private final Map<Integer, LocalDateTime> versionCreated = new HashMap<>();
    private final Map<String, Integer> nextId = new HashMap<>();
    private int messagePacts;
    private final Map<String, List<Version>> modelVersions = new LinkedHashMap<>();
    private final Map<Integer, Map<String, Integer>> modelPacts = new HashMap<>();
    private final Map<List<Integer>, Boolean> modelVerifications = new HashMap<>();
    private final Map<String, Map<String, Set<Integer>>> modelEnvironments = new LinkedHashMap<>();

    private LegacyDataset(Connection c, long seed) throws SQLException {
        this.c = c;
        this.random = new Random(seed);
        this.hasMessagesColumn = hasColumn("pact_versions", "has_messages");
        this.clientColumns = hasColumn("verifications", "verified_by_client_implementation");
    }

    /**
     * Fills {@code db}, which must hold an empty Pact Broker schema.
     *
     * @param versionsPerPacticipant e.g. 400 for about 2,400 versions and as many publications
     */
    public static Summary generate(TestDatabase db, long seed, int versionsPerPacticipant) {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            Summary summary = new LegacyDataset(c, seed).write(versionsPerPacticipant);
            c.commit();
            return summary;
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the legacy dataset: " + e.getMessage(), e);
        }
    }

    private Summary write(int versionsPerPacticipant) throws SQLException {
        pacticipants();
        int versions = versionsBranchesAndTags(versionsPerPacticipant);
        int[] pacts = pactsAndVerifications();
        deployments();
        webhooks();
        moveSequencesPastIds();
        List<List<String>> integrations =
                Arrays.stream(INTEGRATIONS).map(i -> List.of(i[0], i[1])).toList();
        return new Summary(
                PACTICIPANTS.length,
                versions,
                pacts[0],
                pacts[1],
                pacts[2],
                messagePacts,
                new Model(integrations, modelVersions, modelPacts, modelVerifications, modelEnvironments));
    }

    private void pacticipants() throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> labels = new ArrayList<>();
        for (String name : PACTICIPANTS) {
            int id = id("pacticipants");
            pacticipantIds.put(name, id);
            rows.add(new Object[] {
                id,
                name,
                "https://git.example.org/shop/" + name.toLowerCase().replace(' ', '-'),
                EPOCH,
                EPOCH,
                name,
                "main"
            });
            labels.add(new Object[] {name.endsWith("API") ? "backend" : "frontend", id, EPOCH, EPOCH});
        }
        batch(
                "INSERT INTO pacticipants (id, name, repository_url, created_at, updated_at, display_name, main_branch)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows);
        batch("INSERT INTO labels (name, pacticipant_id, created_at, updated_at) VALUES (?, ?, ?, ?)", labels);
    }

    private int versionsBranchesAndTags(int perPacticipant) throws SQLException {
        List<Object[]> versions = new ArrayList<>();
        List<Object[]> branches = new ArrayList<>();
        List<Object[]> branchVersions = new ArrayList<>();
        List<Object[]> tags = new ArrayList<>();
        Map<Integer, Object[]> heads = new LinkedHashMap<>();
        int order = 200;
        LocalDateTime time = EPOCH;
        for (String name : PACTICIPANTS) {
            int pacticipant = pacticipantIds.get(name);
            Map<String, Integer> branchIds = new HashMap<>();
            for (String branch : BRANCHES) {
                int id = id("branches");
                branchIds.put(branch, id);
                branches.add(new Object[] {id, branch, pacticipant, time, time});
            }
            List<Integer> ids = new ArrayList<>();
            List<Version> written = new ArrayList<>();
            for (int i = 0; i < perPacticipant; i++) {
                time = time.plusMinutes(7 + random.nextInt(50));
                int id = id("versions");
                ids.add(id);
                versionOrder.put(id, order);
                versionCreated.put(id, time);
                String branch = random.nextInt(10) < 7 ? "main" : BRANCHES[1 + random.nextInt(BRANCHES.length - 1)];
                String number = i % 3 == 0
                        ? "1." + (i / 100) + "." + (i % 100)
                        : Long.toHexString(random.nextLong() & 0xffffffffffL) + "+" + branch.replace('/', '-');
                versions.add(new Object[] {
                    id, number, pacticipant, order, time, time, branch, "https://ci.example.org/builds/" + id
                });
                int branchVersion = id("branch_versions");
                branchVersions.add(new Object[] {
                    branchVersion, branchIds.get(branch), id, order, pacticipant, branch, time, time, false
                });
                heads.put(
                        branchIds.get(branch),
                        new Object[] {branchIds.get(branch), branchVersion, id, pacticipant, branch});
                List<String> tagNames = new ArrayList<>();
                if (i % 20 == 0) {
                    tags.add(new Object[] {"prod", id, time, time, pacticipant, order});
                    tagNames.add("prod");
                }
                if (i % 7 == 0) {
                    tags.add(new Object[] {branch, id, time, time, pacticipant, order});
                    tagNames.add(branch);
                }
                written.add(new Version(id, number, order, List.copyOf(tagNames)));
                order++;
            }
            versionIds.put(name, ids);
            modelVersions.put(name, List.copyOf(written));
        }
        batch(
                "INSERT INTO versions (id, number, pacticipant_id, \"order\", created_at, updated_at, branch, build_url)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                versions);
        batch(
                "INSERT INTO branches (id, name, pacticipant_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                branches);
        batch(
                "INSERT INTO branch_versions (id, branch_id, version_id, version_order, pacticipant_id, branch_name,"
                        + " created_at, updated_at, auto_created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                branchVersions);
        batch(
                "INSERT INTO branch_heads (branch_id, branch_version_id, version_id, pacticipant_id, branch_name)"
                        + " VALUES (?, ?, ?, ?, ?)",
                new ArrayList<>(heads.values()));
        batch(
                "INSERT INTO tags (name, version_id, created_at, updated_at, pacticipant_id, version_order)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                tags);
        return versions.size();
    }

    /** @return {pact_versions, pact_publications, verifications} */
    private int[] pactsAndVerifications() throws SQLException {
        List<Object[]> pactVersions = new ArrayList<>();
        List<Object[]> publications = new ArrayList<>();
        List<Object[]> latest = new ArrayList<>();
        List<Object[]> integrations = new ArrayList<>();
        List<Object[]> verifications = new ArrayList<>();
        Map<String, Object[]> latestVerification = new LinkedHashMap<>();
        int verificationNumber = 200;
        for (String[] integration : INTEGRATIONS) {
            int consumer = pacticipantIds.get(integration[0]);
            int provider = pacticipantIds.get(integration[1]);
            List<Integer> providerVersions = versionIds.get(integration[1]);
            Map<String, Integer> pactVersionBySha = new HashMap<>();
            LocalDateTime lastPublished = EPOCH;
            int generation = 0;
            List<Integer> consumerVersions = versionIds.get(integration[0]);
            for (int i = 0; i < consumerVersions.size(); i++) {
                int consumerVersion = consumerVersions.get(i);
                if (random.nextInt(10) == 0) {
                    generation++; // the consumer changed its expectations
                }
                int revisions = random.nextInt(50) == 0 ? 2 : 1; // now and then a pact is overwritten
                int lastPublication = 0;
                int lastPactVersion = 0;
                for (int revision = 1; revision <= revisions; revision++) {
                    LocalDateTime published =
                            versionCreated.get(consumerVersion).plusMinutes(revision * 3L);
                    lastPublished = published;
                    PactContent pact = PactContent.parse(pactJson(integration, generation + revision - 1));
                    Integer pactVersion = pactVersionBySha.get(pact.sha());
                    if (pactVersion == null) {
                        pactVersion = id("pact_versions");
                        pactVersionBySha.put(pact.sha(), pactVersion);
                        pactVersions.add(
                                hasMessagesColumn
                                        ? new Object[] {
                                            pactVersion,
                                            consumer,
                                            provider,
                                            pact.sha(),
                                            pact.withInteractionIds(),
                                            published,
                                            pact.messageCount(),
                                            pact.interactionCount(),
                                            pact.hasMessages()
                                        }
                                        : new Object[] {
                                            pactVersion,
                                            consumer,
                                            provider,
                                            pact.sha(),
                                            pact.withInteractionIds(),
                                            published,
                                            pact.messageCount(),
                                            pact.interactionCount()
                                        });
                        messagePacts += pact.hasMessages() ? 1 : 0;
                    }
                    lastPublication = id("pact_publications");
                    lastPactVersion = pactVersion;
                    publications.add(new Object[] {
                        lastPublication,
                        consumerVersion,
                        provider,
                        revision,
                        pactVersion,
                        published,
                        consumer,
                        versionOrder.get(consumerVersion)
                    });
                }
                modelPacts
                        .computeIfAbsent(consumerVersion, v -> new HashMap<>())
                        .put(integration[1], lastPactVersion);
                latest.add(new Object[] {
                    consumer,
                    consumerVersion,
                    provider,
                    lastPublication,
                    lastPactVersion,
                    versionCreated.get(consumerVersion)
                });
                if (random.nextInt(3) > 0) {
                    int providerVersion =
                            providerVersions.get(Math.min(providerVersions.size() - 1, i + random.nextInt(3)));
                    int verification = id("verifications");
                    LocalDateTime executed = lastPublished.plusMinutes(10);
                    boolean success = random.nextInt(10) > 0;
                    List<Object> row = new ArrayList<>(List.of(
                            verification,
                            verificationNumber++,
                            success,
                            "https://ci.example.org/verify/" + verification,
                            lastPactVersion,
                            executed,
                            executed,
                            providerVersion,
                            "{\"tests\":[{\"testDescription\":\"passes\",\"success\":" + success + "}]}",
                            consumer,
                            provider,
                            false,
                            "main",
                            false,
                            "Pact-JVM",
                            "4.6.5"));
                    if (clientColumns) {
                        row.addAll(List.of("pact-jvm", "4.6.5", "JUnit5"));
                    }
                    verifications.add(row.toArray());
                    modelVerifications.put(List.of(lastPactVersion, providerVersion), success);
                    latestVerification.put(lastPactVersion + "/" + providerVersion, new Object[] {
                        consumer, lastPactVersion, provider, providerVersion, verification, executed
                    });
                }
            }
            integrations.add(new Object[] {
                id("integrations"), consumer, provider, integration[0], integration[1], EPOCH, lastPublished
            });
        }
        batch(
                "INSERT INTO pact_versions (id, consumer_id, provider_id, sha, content, created_at, messages_count,"
                        + " interactions_count"
                        + (hasMessagesColumn
                                ? ", has_messages) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                : ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                pactVersions);
        batch(
                "INSERT INTO pact_publications (id, consumer_version_id, provider_id, revision_number, pact_version_id,"
                        + " created_at, consumer_id, consumer_version_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                publications);
        batch(
                "INSERT INTO latest_pact_publication_ids_for_consumer_versions (consumer_id, consumer_version_id,"
                        + " provider_id, pact_publication_id, pact_version_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                latest);
        batch(
                "INSERT INTO integrations (id, consumer_id, provider_id, consumer_name, provider_name, created_at,"
                        + " contract_data_updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                integrations);
        batch(
                "INSERT INTO verifications (id, number, success, build_url, pact_version_id, execution_date, created_at,"
                        + " provider_version_id, test_results, consumer_id, provider_id, wip, tag_names, pact_pending,"
                        + " verified_by_implementation, verified_by_version"
                        + (clientColumns
                                ? ", verified_by_client_implementation, verified_by_client_version,"
                                        + " verified_by_client_test_framework) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                                        + " ?, ?, ?, ?)"
                                : ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                verifications);
        batch(
                "INSERT INTO latest_verification_id_for_pact_version_and_provider_version (consumer_id,"
                        + " pact_version_id, provider_id, provider_version_id, verification_id, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                new ArrayList<>(latestVerification.values()));
        return new int[] {pactVersions.size(), publications.size(), verifications.size()};
    }

    /** Published pact content: HTTP interactions, V3 messages, or V4 mixed; with floats and non-ASCII text. */
    private static String pactJson(String[] integration, int generation) {
        StringBuilder items = new StringBuilder();
        int count = 2 + generation % 4;
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                items.append(',');
            }
            switch (integration[2]) {
                case "v3-messages" -> items.append("""
                        {"description":"an order placed event %d","providerStates":[{"name":"order %d exists"}],\
                        "contents":{"orderId":%d,"total":%d.5,"currency":"EUR"},"metaData":{"contentType":"application/json"}}""".formatted(i, i, i + generation, 10 + i));
                case "v4-mixed" ->
                    items.append(i % 2 == 0 ? """
                        {"type":"Asynchronous/Messages","description":"invoice issued %d","contents":{"content":\
                        {"invoice":"INV-%d","amount":1.25e3}},"pending":false}""".formatted(i, generation) : """
                        {"type":"Synchronous/HTTP","description":"get invoice %d","request":{"method":"GET",\
                        "path":"/invoices/%d"},"response":{"status":200,"body":{"owner":"Zoë ✓ 日本"}},"pending":false}""".formatted(i, generation));
                default -> items.append("""
                        {"description":"a request for item %d","providerState":"item %d exists","request":\
                        {"method":"GET","path":"/items/%d","headers":{"Accept":"application/json"}},"response":\
                        {"status":200,"headers":{"Content-Type":"application/json"},"body":{"id":%d,"price":%d.99,\
                        "name":"Zoë's thing №%d"}}}""".formatted(i, i, i, i, i + generation, i));
            }
        }
        String key = integration[2].equals("v3-messages") ? "messages" : "interactions";
        String spec = switch (integration[2]) {
            case "v3-messages" -> "3.0.0";
            case "v4-mixed" -> "4.0";
            default -> "2.0.0";
        };
        return """
                {"consumer":{"name":"%s"},"provider":{"name":"%s"},"%s":[%s],\
                "metadata":{"pactSpecification":{"version":"%s"},"pact-jvm":{"version":"4.6.5"}}}""".formatted(integration[0], integration[1], key, items, spec);
    }

    private void deployments() throws SQLException {
        int test = id("environments");
        int production = id("environments");
        batch(
                "INSERT INTO environments (id, uuid, name, display_name, production, contacts, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                List.of(new Object[] {test, uuid(), "test", "Test", false, null, EPOCH, EPOCH}, new Object[] {
                    production,
                    uuid(),
                    "production",
                    "Production",
                    true,
                    "[{\"name\":\"On call\",\"details\":{\"emailAddress\":\"oncall@example.org\"}}]",
                    EPOCH,
                    EPOCH
                }));
        List<Object[]> deployed = new ArrayList<>();
        List<Object[]> current = new ArrayList<>();
        List<Object[]> released = new ArrayList<>();
        for (String name : PACTICIPANTS) {
            int pacticipant = pacticipantIds.get(name);
            List<Integer> ids = versionIds.get(name);
            if (name.equals("Mobile App")) {
                for (int i = 0; i < ids.size(); i += 60) {
                    LocalDateTime at = versionCreated.get(ids.get(i)).plusHours(2);
                    boolean supported = i + 180 >= ids.size();
                    released.add(new Object[] {
                        id("released_versions"),
                        uuid(),
                        ids.get(i),
                        pacticipant,
                        production,
                        at,
                        at,
                        supported ? null : at.plusDays(30)
                    });
                    if (supported) {
                        inEnvironment("production", name).add(ids.get(i));
                    }
                }
                continue;
            }
            for (int environment : new int[] {test, production}) {
                int step = environment == test ? 15 : 40;
                Object[] previous = null;
                for (int i = 0; i < ids.size(); i += step) {
                    LocalDateTime at = versionCreated.get(ids.get(i)).plusHours(1);
                    if (previous != null) {
                        previous[7] = at; // undeployed when the next one went out
                    }
                    previous = new Object[] {
                        id("deployed_versions"),
                        uuid(),
                        ids.get(i),
                        pacticipant,
                        environment,
                        at,
                        at,
                        null,
                        null,
                        "",
                        false
                    };
                    deployed.add(previous);
                }
                if (previous != null) {
                    current.add(new Object[] {
                        id("currently_deployed_version_ids"), "", pacticipant, environment, previous[2], previous[0]
                    });
                    inEnvironment(environment == test ? "test" : "production", name)
                            .add((Integer) previous[2]);
                }
            }
        }
        batch(
                "INSERT INTO deployed_versions (id, uuid, version_id, pacticipant_id, environment_id, created_at,"
                        + " updated_at, undeployed_at, target, target_for_index, auto_created)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                deployed);
        batch(
                "INSERT INTO currently_deployed_version_ids (id, target_for_index, pacticipant_id, environment_id,"
                        + " version_id, deployed_version_id) VALUES (?, ?, ?, ?, ?, ?)",
                current);
        batch(
                "INSERT INTO released_versions (id, uuid, version_id, pacticipant_id, environment_id, created_at,"
                        + " updated_at, support_ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                released);
    }

    private void webhooks() throws SQLException {
        int ordersHook = id("webhooks");
        int anyHook = id("webhooks");
        batch(
                "INSERT INTO webhooks (id, uuid, method, url, body, is_json_request_body, consumer_id, provider_id,"
                        + " created_at, updated_at, username, password, enabled, description, headers, consumer_label,"
                        + " provider_label) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                List.of(
                        new Object[] {
                            ordersHook,
                            uuid(),
                            "POST",
                            "https://ci.example.org/job/orders/build",
                            "{\"pact\":\"${pactbroker.pactUrl}\"}",
                            true,
                            null,
                            pacticipantIds.get("Orders API"),
                            EPOCH,
                            EPOCH,
                            "ci",
                            "c2VjcmV0",
                            true,
                            "Verify changed pacts",
                            "{\"Content-Type\":\"application/json\"}",
                            null,
                            null
                        },
                        new Object[] {
                            anyHook,
                            uuid(),
                            "GET",
                            "https://chat.example.org/notify?text=${pactbroker.consumerName}",
                            null,
                            false,
                            null,
                            null,
                            EPOCH,
                            EPOCH,
                            null,
                            null,
                            true,
                            "Tell the channel",
                            "{}",
                            "frontend",
                            null
                        }));
        batch(
                "INSERT INTO webhook_events (id, webhook_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                List.of(
                        new Object[] {
                            id("webhook_events"), ordersHook, "contract_requiring_verification_published", EPOCH, EPOCH
                        },
                        new Object[] {id("webhook_events"), anyHook, "contract_published", EPOCH, EPOCH},
                        new Object[] {id("webhook_events"), anyHook, "provider_verification_failed", EPOCH, EPOCH}));
        List<Object[]> triggered = new ArrayList<>();
        List<Object[]> executions = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                SELECT pp.id, pp.consumer_id, pp.provider_id, pp.created_at FROM pact_publications pp
                 WHERE pp.provider_id = (SELECT id FROM pacticipants WHERE name = 'Orders API') AND pp.id % 5 = 0
                 ORDER BY pp.id""")) {
            while (rs.next()) {
                int id = id("triggered_webhooks");
                LocalDateTime at = rs.getObject(4, LocalDateTime.class).plusSeconds(5);
                boolean success = id % 9 != 0;
                triggered.add(new Object[] {
                    id,
                    uuid(),
                    "resource_creation",
                    rs.getInt(1),
                    ordersHook,
                    "wh-" + ordersHook,
                    rs.getInt(2),
                    rs.getInt(3),
                    success ? "success" : "failure",
                    at,
                    at,
                    "contract_requiring_verification_published",
                    "{\"consumer_version_number\":\"x\"}",
                    uuid()
                });
                for (int attempt = 0; attempt < (success ? 1 : 2); attempt++) {
                    executions.add(new Object[] {
                        id("webhook_executions"),
                        success,
                        "POST https://ci.example.org/job/orders/build\n" + (success ? "HTTP/1.1 201" : "HTTP/1.1 503"),
                        at.plusSeconds(attempt * 30L),
                        id
                    });
                }
            }
        }
        batch(
                "INSERT INTO triggered_webhooks (id, trigger_uuid, trigger_type, pact_publication_id, webhook_id,"
                        + " webhook_uuid, consumer_id, provider_id, status, created_at, updated_at, event_name, event_context,"
                        + " uuid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                triggered);
        batch(
                "INSERT INTO webhook_executions (id, success, logs, created_at, triggered_webhook_id)"
                        + " VALUES (?, ?, ?, ?, ?)",
                executions);
    }

    /** As a restored dump leaves them: every identity and the two broker sequences past the greatest value used. */
    private void moveSequencesPastIds() throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String table : nextId.keySet()) {
                s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), (SELECT max(id) FROM " + table
                        + "))");
            }
            s.execute("SELECT setval('version_order_sequence', (SELECT max(\"order\") FROM versions))");
            s.execute("SELECT setval('verification_number_sequence', (SELECT coalesce(max(number), 200) FROM"
                    + " verifications))");
        }
    }

    private Set<Integer> inEnvironment(String environment, String pacticipant) {
        return modelEnvironments
                .computeIfAbsent(environment, e -> new LinkedHashMap<>())
                .computeIfAbsent(pacticipant, p -> new TreeSet<>());
    }

    private int id(String table) {
        return nextId.merge(table, 1, Integer::sum);
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private boolean hasColumn(String table, String column) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM information_schema.columns WHERE table_schema ="
                + " current_schema() AND table_name = ? AND column_name = ?")) {
            s.setString(1, table);
            s.setString(2, column);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void batch(String sql, List<Object[]> rows) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    s.setObject(i + 1, row[i]);
                }
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
