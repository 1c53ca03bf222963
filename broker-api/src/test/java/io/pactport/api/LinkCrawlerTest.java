package io.pactport.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A client that follows links never meets a dead end: from {@code /}, every {@code href} of every JSON response is
 * followed (templated ones filled from the seeded dataset, {@code curies} with each relation they name), and none may
 * answer 404 or a server error. (A 405 is fine: some links are for writing, such as the one to publish results.) A
 * template filled with the dataset's values may name something that does not exist (a tag the version does not have):
 * there the answer may be the resource's own 404, but never "no resource here", the answer to a path no route serves.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class LinkCrawlerTest {

    /** Enough for every resource the dataset reaches; other tests' data, crawled after it, fills the rest. */
    private static final int MOST_REQUESTS = 2_500;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z_]+)}");
    private static final Pattern QUERY_TEMPLATE = Pattern.compile("\\{[?&][^}]*}");
    private static final String NO_ROUTE = "No resource here";

    /**
     * Links to what may not exist yet, as in the Pact Broker: the latest verification results of a pact nobody verified
     * yet, the previous distinct version of an integration's first content. They answer their resource's own 404
     * (with a message), and any other answer would need a scan on every read of a pact.
     */
    private static final Set<String> NOT_YET = Set.of("pb:latest-verification-results", "pb:previous-distinct");

    /** What each link template's variables are filled with, by the names Pactport's links use. */
    private static Map<String, String> variables(RouteDataset data) {
        Map<String, String> values = new java.util.HashMap<>(data.values());
        values.put("consumerApplicationVersion", data.values().get("consumerVersion"));
        values.put("pacticipantVersionNumber", data.values().get("consumerVersion"));
        values.put("environmentUuid", data.values().get("environment"));
        values.put("uuid", data.values().get("environment"));
        values.put("pactVersion", data.values().get("previousSha"));
        values.put("environmentTag", data.values().get("tag"));
        return values;
    }

    @Test
    void everyLinkResolves() throws Exception {
        RouteDataset data = RouteDataset.seed();
        Map<String, String> variables = variables(data);
        Set<String> own = Set.of(data.values().get("consumer"), data.values().get("provider"));
        String base = given().get("/").then().extract().jsonPath().getString("_links.self.href");

        Deque<String> ownQueue = new ArrayDeque<>(List.of(base + "/"));
        Deque<String> otherQueue = new ArrayDeque<>();
        Map<String, String> foundOn = new java.util.HashMap<>();
        Set<String> templated = new HashSet<>();
        Set<String> notYet = new HashSet<>();
        Set<String> seen = new HashSet<>(ownQueue);
        Set<String> failures = new LinkedHashSet<>();
        int requests = 0;
        while ((!ownQueue.isEmpty() || !otherQueue.isEmpty()) && requests < MOST_REQUESTS) {
            String url = ownQueue.isEmpty() ? otherQueue.poll() : ownQueue.poll();
            requests++;
            Response response = given().accept("application/hal+json, application/json;q=0.9, */*;q=0.8")
                    .urlEncodingEnabled(false)
                    .get(URI.create(url).getRawPath() + query(url));
            int status = response.statusCode();
            boolean filledIn = templated.contains(url);
            boolean deadEnd =
                    !filledIn && !notYet.contains(url) || response.asString().contains(NO_ROUTE);
            if (status >= 500 || status == 404 && deadEnd) {
                failures.add(status + " " + url + " (linked from " + foundOn.get(url) + ")");
                continue;
            }
            String type = response.contentType();
            if (status != 200 || type == null || !type.contains("json")) {
                continue;
            }
            for (Link link : links(JSON.readTree(response.asString()), variables, failures)) {
                String href = link.href();
                if (link.templated()) {
                    templated.add(href);
                }
                if (NOT_YET.contains(link.rel())) {
                    notYet.add(href);
                }
                if (href.startsWith(base) && seen.add(href)) {
                    foundOn.put(href, url);
                    (own.stream().anyMatch(href::contains)
                                            || !href.contains("/provider/") && !href.contains("/pacticipants/")
                                    ? ownQueue
                                    : otherQueue)
                            .add(href);
                }
            }
        }
        assertThat(requests).as("links followed").isGreaterThan(150);
        assertThat(failures).isEmpty();
    }

    private static String query(String url) {
        String query = URI.create(url).getRawQuery();
        return query == null ? "" : "?" + query;
    }

    /** A link found in a document: its href, and whether it was a template the test filled in. */
    record Link(String href, boolean templated, String rel) {}

    /** Every link in the document, templates filled; an unfillable template is a failure (its variable is unknown). */
    private static List<Link> links(JsonNode document, Map<String, String> variables, Set<String> failures) {
        List<Link> hrefs = new ArrayList<>();
        collect(document, null, variables, failures, hrefs);
        return hrefs;
    }

    private static void collect(
            JsonNode node, String rel, Map<String, String> variables, Set<String> failures, List<Link> out) {
        if (node.isArray()) {
            node.forEach(child -> collect(child, rel, variables, failures, out));
        }
        if (!node.isObject()) {
            return;
        }
        JsonNode links = node.get("_links");
        if (links != null && links.isObject()) {
            curies(links, out);
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("href") && field.getValue().isTextual()) {
                String template = field.getValue().asText();
                String href = fill(template, variables, failures);
                if (href != null) {
                    out.add(new Link(href, !href.equals(template), rel));
                }
            } else if (!field.getKey().equals("curies")) {
                collect(field.getValue(), field.getKey(), variables, failures, out);
            }
        }
    }

    /** A curie's documentation page for each relation of the document that uses it. */
    private static void curies(JsonNode links, List<Link> out) {
        JsonNode curies = links.get("curies");
        if (curies == null) {
            return;
        }
        for (JsonNode curie : curies) {
            String prefix = curie.path("name").asText() + ":";
            links.fieldNames().forEachRemaining(rel -> {
                if (rel.startsWith(prefix)) {
                    out.add(new Link(
                            curie.path("href").asText().replace("{rel}", rel.substring(prefix.length())),
                            false,
                            "curies"));
                }
            });
        }
    }

    private static String fill(String href, Map<String, String> variables, Set<String> failures) {
        String filled = QUERY_TEMPLATE.matcher(href).replaceAll("");
        Matcher matcher = VARIABLE.matcher(filled);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = variables.get(matcher.group(1));
            if (value == null) {
                failures.add("no value for {" + matcher.group(1) + "} in " + href);
                return null;
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(result).toString();
    }
}
