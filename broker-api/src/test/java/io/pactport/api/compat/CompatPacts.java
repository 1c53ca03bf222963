package io.pactport.api.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactport.core.testing.RequiredArtefacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The compat pacts broker-api must pass, every interaction of them: read from {@code ../shared/compat/pacts} (never
 * copied into the repository), adapted to pact-jvm (Ruby regexes, placeholder paths, states) and written under
 * {@code target/}.
 */
final class CompatPacts {

    static final String FOLDER = "target/compat-pacts";

    /** Where the consumer tests' placeholder paths point in a real broker (facts of the consumer pacts' set-up). */
    private static final Map<String, String> PLACEHOLDERS = Map.ofEntries(
            Map.entry(
                    "/HAL-REL-PLACEHOLDER-INDEX-PB-LATEST-TAGGED-VERSION-Condor-production",
                    "/pacticipants/Condor/latest-version/production"),
            Map.entry("/HAL-REL-PLACEHOLDER-INDEX-PB-LATEST-VERSION-Condor", "/pacticipants/Condor/latest-version"),
            Map.entry("/HAL-REL-PLACEHOLDER-PB-ENVIRONMENTS", "/environments"),
            Map.entry(
                    "/HAL-REL-PLACEHOLDER-PB-PACTICIPANT-VERSION-Foo-5556b8149bf8bac76bc30f50a8a2dd4c22c85f30",
                    "/pacticipants/Foo/versions/5556b8149bf8bac76bc30f50a8a2dd4c22c85f30"),
            Map.entry(
                    "/HAL-REL-PLACEHOLDER-PB-RECORD-DEPLOYMENT-FOO-5556B8149BF8BAC76BC30F50A8A2DD4C22C85F30-TEST",
                    "/pacticipants/Foo/versions/5556b8149bf8bac76bc30f50a8a2dd4c22c85f30/deployed-versions/environment/"
                            + "cb632df3-0a0d-4227-aac3-60114dd36479"),
            Map.entry(
                    "/HAL-REL-PLACEHOLDER-PB-RECORD-RELEASE-FOO-5556B8149BF8BAC76BC30F50A8A2DD4C22C85F30-TEST",
                    "/pacticipants/Foo/versions/5556b8149bf8bac76bc30f50a8a2dd4c22c85f30/released-versions/environment/"
                            + "cb632df3-0a0d-4227-aac3-60114dd36479"),
            Map.entry("/HAL-REL-PLACEHOLDER-PB-PUBLISH-CONTRACTS", "/contracts/publish"),
            Map.entry(
                    "/PLACEHOLDER-DEPLOYED-VERSION-ff3adecf-cfc5-4653-a4e3-f1861092f8e0",
                    "/deployed-versions/ff3adecf-cfc5-4653-a4e3-f1861092f8e0"),
            Map.entry(
                    "/PLACEHOLDER-ENVIRONMENT-CURRENTLY-DEPLOYED-16926ef3-590f-4e3f-838e-719717aa88c9",
                    "/environments/16926ef3-590f-4e3f-838e-719717aa88c9/deployed-versions/currently-deployed"),
            Map.entry(
                    "/HAL-REL-PLACEHOLDER-PB-ENVIRONMENT-16926ef3-590f-4e3f-838e-719717aa88c9",
                    "/environments/16926ef3-590f-4e3f-838e-719717aa88c9"),
            Map.entry("/HAL-REL-PLACEHOLDER-PB-PACTICIPANT-BRANCH-Foo-main", "/pacticipants/Foo/branches/main"),
            Map.entry("/HAL-REL-PLACEHOLDER-PB-WEBHOOKS", "/webhooks"));

    private CompatPacts() {}

    /** The real path (and query) for a request path that may be a placeholder. */
    static String realPath(String pathAndQuery) {
        int query = pathAndQuery.indexOf('?');
        String path = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
        return PLACEHOLDERS.getOrDefault(path, path) + (query < 0 ? "" : pathAndQuery.substring(query));
    }

    /**
     * The consumer tests were written in Ruby, whose regular expressions take a brace that opens no quantifier
     * literally ({@code .*{pacticipant}}); Java's reject it, so such braces are escaped. The pattern means the same.
     */
    static String javaRegex(String rubyRegex) {
        return rubyRegex.replaceAll("\\{([A-Za-z_][A-Za-z0-9_-]*)}", "\\\\{$1\\\\}");
    }

    /**
     * pact-jvm takes a JSON body with no expected content type to mean {@code application/json} and fails a HAL answer;
     * the Ruby verifier these pacts were written against checks nothing there. Such responses get "any JSON type".
     */
    private static void acceptAnyJsonWhereNoContentTypeIsNamed(ObjectNode response) {
        boolean named = response.path("headers").has("Content-Type");
        if (named || !response.has("body")) {
            return;
        }
        response.withObject("headers").put("Content-Type", "application/hal+json");
        response.withObject("matchingRules")
                .putObject("$.headers.Content-Type")
                .put("match", "regex")
                .put("regex", "application\\/.*json.*");
    }

    /** See {@link WebhookCompatStates#EMPTY_DATABASE}. */
    private static void startWebhookInteractionsWithoutStateEmpty(ObjectNode interaction, String path) {
        boolean webhooks = path.contains("webhooks") || path.contains("WEBHOOKS");
        if (webhooks
                && !interaction.hasNonNull("providerState")
                && interaction.path("providerStates").isEmpty()) {
            interaction.put("providerState", WebhookCompatStates.EMPTY_DATABASE);
        }
    }

    private static void translateRegexes(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> {
                if (field.getKey().equals("regex") && field.getValue().isTextual()) {
                    object.put("regex", javaRegex(field.getValue().asText()));
                } else {
                    translateRegexes(field.getValue());
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(CompatPacts::translateRegexes);
        }
    }

    /** Writes the selected interactions to {@link #FOLDER}, or skips the calling test class when the pacts are absent. */
    static void writeSelected() {
        Path source = Path.of(System.getProperty("pactport.compat.dir", "../../shared/compat"), "pacts");
        RequiredArtefacts.require(
                Files.isDirectory(source),
                source.toAbsolutePath().normalize()
                        + " is absent, so broker-api was not verified against the official pact_broker-client pacts");
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(source)) {
            Files.createDirectories(Path.of(FOLDER));
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                ObjectNode pact = (ObjectNode) json.readTree(file.toFile());
                ArrayNode adapted = json.createArrayNode();
                for (JsonNode interaction : pact.withArray("interactions")) {
                    String path = interaction.path("request").path("path").asText();
                    translateRegexes(interaction);
                    startWebhookInteractionsWithoutStateEmpty((ObjectNode) interaction, path);
                    acceptAnyJsonWhereNoContentTypeIsNamed((ObjectNode) interaction.path("response"));
                    adapted.add(interaction);
                }
                pact.set("interactions", adapted);
                json.writeValue(Path.of(FOLDER, file.getFileName().toString()).toFile(), pact);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
