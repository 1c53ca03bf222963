package io.pactport.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.pactport.core.testing.TestDatabase;
import io.pactport.core.testing.TestKafka;
import io.pactport.core.testing.TestPostgres;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard and the Prometheus alert rules in {@code deploy/} name only metrics the services expose: the
 * three HTTP services run as packaged, each is exercised enough that its lazily registered meters exist, and every
 * metric name in every PromQL expression of both files must be a series one of their {@code /q/metrics} serves. A
 * histogram's {@code _bucket} is looked up as such, so an expression over buckets that are not enabled fails too.
 */
class MonitoringFilesIT {

    private static final Duration START = Duration.ofSeconds(180);
    private static final Path ROOT = Path.of(System.getProperty("pactport.root", ".."));
    private static final Path DASHBOARD = ROOT.resolve("deploy/grafana/pactport-dashboard.json");
    private static final Path ALERTS = ROOT.resolve("deploy/prometheus/pactport-alerts.yml");

    /** PromQL words that look like metric names: operators, modifiers and literals. */
    private static final Set<String> KEYWORDS = Set.of(
            "and",
            "or",
            "unless",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "bool",
            "offset",
            "inf",
            "nan");

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
    private static final Pattern URI_MATCHER = Pattern.compile("\\buri\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern SAMPLE =
            Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s", Pattern.MULTILINE);
    private static final Pattern URI_LABEL = Pattern.compile("\\buri=\"([^\"]*)\"");

    @Test
    void theDashboardIsAGrafanaDashboardWithAQueryInEveryPanel() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        assertThat(dashboard.path("__inputs").findValuesAsText("name")).contains("DS_PROMETHEUS");
        assertThat(dashboard.path("title").asText()).isNotBlank();
        List<JsonNode> panels = panels(dashboard);
        assertThat(panels).isNotEmpty();
        for (JsonNode panel : panels) {
            String title = panel.path("title").asText();
            assertThat(panel.path("datasource").path("uid").asText()).as(title).isEqualTo("${DS_PROMETHEUS}");
            assertThat(panel.path("gridPos").has("h")).as(title).isTrue();
            assertThat(panel.path("targets")).as(title).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("expr").asText()).as(title).isNotBlank();
            }
        }
    }

    @Test
    void theAlertRulesAreValidRuleGroups() throws Exception {
        JsonNode rules = new YAMLMapper().readTree(ALERTS.toFile());
        assertThat(rules.path("groups")).isNotEmpty();
        List<String> names = new ArrayList<>();
        for (JsonNode group : rules.path("groups")) {
            assertThat(group.path("name").asText()).isNotBlank();
            assertThat(group.path("rules")).isNotEmpty();
            for (JsonNode rule : group.path("rules")) {
                String alert = rule.path("alert").asText();
                names.add(alert);
                assertThat(rule.path("expr").asText()).as(alert).isNotBlank();
                assertThat(rule.path("for").asText()).as(alert).matches("\\d+[smh]");
                assertThat(rule.path("labels").path("severity").asText())
                        .as(alert)
                        .isIn("info", "warning", "critical");
                assertThat(rule.path("annotations").path("summary").asText())
                        .as(alert)
                        .isNotBlank();
                assertThat(rule.path("annotations").path("description").asText())
                        .as(alert)
                        .isNotBlank();
            }
        }
        assertThat(names).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void metricNamesAreFoundInAnExpressionWithoutItsFunctionsLabelsAndRanges() {
        assertThat(metricNames("histogram_quantile(0.99, sum by (le, uri) (rate(http_server_requests_seconds_bucket"
                        + "{uri=~\"/can-i-deploy|/matrix\", status!~\"5..\"}[5m]))) > 0.1"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(metricNames("min_over_time(pactport_outbox_backlog[10m]) > 0 and deriv(pactport_outbox_backlog[10m])"
                        + " >= 0 or on (job) up{job=~\"pactport.*\"} == 0"))
                .containsExactly("pactport_outbox_backlog", "up");
        assertThat(metricNames("time() - (pactport_retention_last_success_time_seconds > 0)"))
                .containsExactly("pactport_retention_last_success_time_seconds");
    }

    @Test
    void everyMetricTheDashboardAndAlertsNameIsExposedByAService() throws Exception {
        Map<String, Set<String>> used = new TreeMap<>();
        Set<String> uris = new TreeSet<>();
        for (String expr : expressions()) {
            for (String name : metricNames(expr)) {
                used.computeIfAbsent(name, n -> new TreeSet<>()).add(expr);
            }
            Matcher uri = URI_MATCHER.matcher(expr);
            while (uri.find()) {
                uris.add(uri.group(1));
            }
        }
        used.remove("up"); // Prometheus' own, per scrape target
        assertThat(used).isNotEmpty();

        String scrapes = scrapeAfterExercisingEveryService();
        Set<String> exposed = new TreeSet<>();
        Matcher sample = SAMPLE.matcher(scrapes);
        while (sample.find()) {
            exposed.add(sample.group(1));
        }
        Set<String> exposedUris = new TreeSet<>();
        Matcher uri = URI_LABEL.matcher(scrapes);
        while (uri.find()) {
            exposedUris.add(uri.group(1));
        }

        Map<String, Set<String>> missing = new TreeMap<>(used);
        missing.keySet().removeAll(exposed);
        assertThat(missing)
                .as(
                        "metrics named in deploy/ that no service exposes (base names: %s), with the expressions naming"
                                + " them",
                        baseNames(missing.keySet()))
                .isEmpty();
        assertThat(exposedUris).as("route templates named in deploy/").containsAll(uris);
        assertThat(scrapes)
                .as("can-i-deploy's latency buckets")
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/can-i-deploy\"[^}]*le=\"0\\.1\"");
    }

    /** Publishes, asks can-i-deploy and the matrix, and runs a cut-over check, then scrapes the three services. */
    private static String scrapeAfterExercisingEveryService() throws Exception {
        TestDatabase db = TestPostgres.newDatabase("monitoring_files");
        Map<String, String> env = Map.of(
                "PACTFLOW_DATABASE_URL",
                db.rubyUrl(),
                "PACTFLOW_DATABASE_AUTO_MIGRATE",
                "true",
                "KAFKA_BOOTSTRAP_SERVERS",
                TestKafka.bootstrapServers());
        try (ServiceProcess api = ServiceProcess.start("broker-api", env)) {
            // one start at a time: on a busy machine, parallel starts wait on each other's database connections
            api.awaitReady(START);
            Map<String, String> syncEnv = new TreeMap<>(env);
            syncEnv.put("PACTFLOW_SYNC_PACTPORT_URL", "http://127.0.0.1:" + api.port);
            // an old broker that is not there: its meters exist all the same, and the cut-over check reports it as -1
            syncEnv.put("PACTFLOW_SYNC_TARGETS_0__NAME", "old");
            syncEnv.put("PACTFLOW_SYNC_TARGETS_0__URL", "http://127.0.0.1:" + ServiceProcess.freePort());
            syncEnv.put("PACTFLOW_SYNC_TIMEOUT", "2s");
            try (ServiceProcess retention = ServiceProcess.start("retention-service", env)) {
                retention.awaitReady(START);
                try (ServiceProcess sync = ServiceProcess.start("parallel-sync-service", syncEnv)) {
                    sync.awaitReady(START);
                    exercise(api, sync);
                    StringBuilder scrapes = new StringBuilder();
                    for (ServiceProcess service : List.of(api, retention, sync)) {
                        HttpResponse<String> metrics = service.get("/q/metrics");
                        assertThat(metrics.statusCode())
                                .as("%s /q/metrics", service)
                                .isEqualTo(200);
                        scrapes.append(metrics.body()).append('\n');
                    }
                    return scrapes.toString();
                }
            }
        }
    }

    /**
     * The names are this run's own: every IT's events go to the same Kafka topics, and a later IT's sync replays them to
     * its old brokers, where another IT's pact of the same names and version but other content would be refused.
     */
    private static void exercise(ServiceProcess api, ServiceProcess sync) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String consumer = "monitoring-orders-" + run;
        String provider = "monitoring-inventory-" + run;
        String pact = """
                {"consumer":{"name":"%s"},"provider":{"name":"%s"},
                 "interactions":[{"description":"a stock query","request":{"method":"GET","path":"/stock/42"},
                                  "response":{"status":200}}],
                 "metadata":{"pactSpecification":{"version":"2.0.0"}}}""".formatted(consumer, provider);
        assertThat(api.put("/pacts/provider/" + provider + "/consumer/" + consumer + "/version/1.0.0", pact)
                        .statusCode())
                .isEqualTo(201);
        String content = Base64.getEncoder().encodeToString(pact.getBytes(StandardCharsets.UTF_8));
        String publish = """
                {"pacticipantName":"%s","pacticipantVersionNumber":"1.0.1","branch":"main",
                 "contracts":[{"consumerName":"%s","providerName":"%s","specification":"pact",
                               "contentType":"application/json","content":"%s"}]}""".formatted(consumer, consumer, provider, content);
        assertThat(api.send("POST", "/contracts/publish", publish, "Content-Type", "application/json")
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.get("/can-i-deploy?pacticipant=" + consumer + "&version=1.0.1&to=prod")
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.get("/matrix?q%5B%5D%5Bpacticipant%5D=" + consumer + "&q%5B%5D%5Bversion%5D=1.0.1&latestby=cvp")
                        .statusCode())
                .isEqualTo(200);
        assertThat(sync.get("/cutover").statusCode()).isLessThan(500);
        assertThat(sync.get("/cutover/shadow").statusCode()).isLessThan(500);
    }

    /** Every PromQL expression of the dashboard's panels and of the alert rules. */
    private static List<String> expressions() throws Exception {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : panels(new ObjectMapper().readTree(DASHBOARD.toFile()))) {
            panel.path("targets")
                    .forEach(target -> expressions.add(target.path("expr").asText()));
        }
        new YAMLMapper()
                .readTree(ALERTS.toFile())
                .path("groups")
                .forEach(group -> group.path("rules")
                        .forEach(rule -> expressions.add(rule.path("expr").asText())));
        return expressions;
    }

    /** The panels that show data: rows are only headings, and a collapsed row holds its panels itself. */
    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if ("row".equals(panel.path("type").asText())) {
                panel.path("panels").forEach(panels::add);
            } else {
                panels.add(panel);
            }
        }
        return panels;
    }

    /** The metric names an expression selects: identifiers left once strings, matchers, ranges, groupings go. */
    static Set<String> metricNames(String expr) {
        String bare = STRING.matcher(expr).replaceAll("\"\"");
        bare = MATCHERS.matcher(bare).replaceAll(" ");
        bare = RANGE.matcher(bare).replaceAll(" ");
        bare = GROUPING.matcher(bare).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            String word = identifier.group(1);
            // a word before a parenthesis is a function or an aggregation, not a series
            if (identifier.group(2) == null && !KEYWORDS.contains(word.toLowerCase())) {
                names.add(word);
            }
        }
        return names;
    }

    /** The names a scrape's {@code # TYPE} line gives: a histogram's or a counter's, without the series' suffix. */
    private static Set<String> baseNames(Set<String> names) {
        Set<String> bases = new TreeSet<>();
        for (String name : names) {
            bases.add(name.replaceAll("_(bucket|count|sum|total|max)$", ""));
        }
        return bases;
    }
}
