package io.pactport.core.remote;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactport.core.remote.RemoteModel.Deployment;
import io.pactport.core.remote.RemoteModel.Environment;
import io.pactport.core.remote.RemoteModel.Pact;
import io.pactport.core.remote.RemoteModel.Release;
import io.pactport.core.remote.RemoteModel.Verification;
import io.pactport.core.remote.RemoteModel.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Reads a remote Pact Broker through its public HAL API, following the links the pact-broker CLI follows. */
public final class BrokerReader {

    private static final String PACT_VERSION_PATH = "/pact-version/";

    private final PactBrokerClient client;
    /** Whether the broker answers {@code /matrix}: asked once. */
    private final Map<String, Boolean> matrixSupported = new ConcurrentHashMap<>();

    public BrokerReader(PactBrokerClient client) {
        this.client = client;
    }

    public PactBrokerClient client() {
        return client;
    }

    public List<String> pacticipants() {
        List<String> names = new ArrayList<>();
        client.get("/pacticipants")
                .json()
                .path("_embedded")
                .path("pacticipants")
                .forEach(p -> names.add(p.path("name").asText()));
        return names;
    }

    /** The pacticipant's own fields (displayName, mainBranch, repository…), as a PATCH body for another broker. */
    public Optional<JsonNode> pacticipant(String name) {
        var answer = client.get("/pacticipants/" + PactBrokerClient.segment(name));
        if (!answer.found()) {
            return Optional.empty();
        }
        var fields = PactBrokerClient.JSON.createObjectNode();
        JsonNode json = answer.json();
        for (String field : List.of(
                "name", "displayName", "mainBranch", "repositoryUrl", "repositoryName", "repositoryNamespace")) {
            if (json.hasNonNull(field)) {
                fields.set(field, json.get(field));
            }
        }
        return Optional.of(fields);
    }

    /** Every version of the pacticipant, oldest first. */
    public List<Version> versions(String pacticipant) {
        var answer = client.get("/pacticipants/" + PactBrokerClient.segment(pacticipant) + "/versions");
        List<Version> versions = new ArrayList<>();
        if (answer.found()) {
            answer.json().path("_embedded").path("versions").forEach(v -> versions.add(version(pacticipant, v)));
        }
        // both brokers list newest first
        java.util.Collections.reverse(versions);
        return versions;
    }

    public Optional<Version> version(String pacticipant, String number) {
        var answer = client.get(versionPath(pacticipant, number));
        return answer.found() ? Optional.of(version(pacticipant, answer.json())) : Optional.empty();
    }

    /** The number of the latest version carrying {@code tag}, the version {@code can-i-deploy --to tag} uses. */
    public Optional<String> latestVersionWithTag(String pacticipant, String tag) {
        var answer = client.get("/pacticipants/" + PactBrokerClient.segment(pacticipant) + "/latest-version/"
                + PactBrokerClient.segment(tag));
        return answer.found() ? Optional.of(answer.json().path("number").asText()) : Optional.empty();
    }

    /** The pacts the consumer version published, one per provider, through the version's {@code pb:pact-versions}. */
    public List<Pact> pacts(String consumer, String version) {
        var answer = client.get(versionPath(consumer, version));
        List<Pact> pacts = new ArrayList<>();
        if (!answer.found()) {
            return pacts;
        }
        for (JsonNode link : links(answer.json(), "pb:pact-versions")) {
            var pact = client.get(link.path("href").asText());
            if (pact.found()) {
                pacts.add(pact(consumer, version, pact.json()));
            }
        }
        return pacts;
    }

    public Optional<Pact> pact(String consumer, String provider, String version) {
        var answer = client.get(pactPath(consumer, provider, version));
        return answer.found() ? Optional.of(pact(consumer, version, answer.json())) : Optional.empty();
    }

    /**
     * The verification results of the pact that can-i-deploy reads: the latest per provider version, from the matrix
     * of the consumer version where the broker has one; otherwise (a broker without {@code /matrix}) the pact
     * content's latest verification only.
     */
    public List<Verification> verifications(Pact pact) {
        List<Verification> found = new ArrayList<>();
        if (matrixSupported.getOrDefault("matrix", true)) {
            var matrix = client.get("/matrix?q%5B%5D%5Bpacticipant%5D=" + PactBrokerClient.query(pact.consumer())
                    + "&q%5B%5D%5Bversion%5D=" + PactBrokerClient.query(pact.consumerVersion())
                    + "&latestby=cvpv&limit=1000");
            if (matrix.found()) {
                for (JsonNode row : matrix.json().path("matrix")) {
                    JsonNode result = row.path("verificationResult");
                    if (pact.provider().equals(row.path("provider").path("name").asText()) && result.isObject()) {
                        found.add(new Verification(
                                pact.consumer(),
                                pact.provider(),
                                pact.sha(),
                                pact.consumerVersion(),
                                row.path("provider")
                                        .path("version")
                                        .path("number")
                                        .asText(),
                                result.path("success").asBoolean(),
                                null,
                                result.path("_links").path("self").path("href").asText(null)));
                    }
                }
                return found;
            }
            matrixSupported.put("matrix", false);
        }
        var latest = client.get(
                pactVersionPath(pact.consumer(), pact.provider(), pact.sha()) + "/verification-results/latest");
        if (latest.found()) {
            JsonNode v = latest.json();
            found.add(new Verification(
                    pact.consumer(),
                    pact.provider(),
                    pact.sha(),
                    pact.consumerVersion(),
                    v.path("providerApplicationVersion").asText(),
                    v.path("success").asBoolean(),
                    v.path("buildUrl").asText(null),
                    v.path("_links").path("self").path("href").asText(null)));
        }
        return found;
    }

    /** The full verification result at {@code url}: build URL, test results, verifier. */
    public Optional<JsonNode> verificationDetails(String url) {
        var answer = client.get(url);
        return answer.found() ? Optional.of(answer.json()) : Optional.empty();
    }

    public List<Environment> environments() {
        List<Environment> environments = new ArrayList<>();
        client.get("/environments")
                .json()
                .path("_embedded")
                .path("environments")
                .forEach(e -> environments.add(new Environment(
                        e.path("uuid").asText(),
                        e.path("name").asText(),
                        e.path("displayName").asText(null),
                        e.path("production").asBoolean(),
                        e.has("contacts") ? e.get("contacts") : null)));
        return environments;
    }

    public List<Deployment> currentDeployments(Environment environment) {
        List<Deployment> deployments = new ArrayList<>();
        client.get("/environments/" + environment.uuid() + "/deployed-versions/currently-deployed")
                .json()
                .path("_embedded")
                .path("deployedVersions")
                .forEach(d -> deployments.add(new Deployment(
                        d.path("_embedded").path("pacticipant").path("name").asText(),
                        d.path("_embedded").path("version").path("number").asText(),
                        environment.name(),
                        d.hasNonNull("applicationInstance")
                                ? d.get("applicationInstance").asText()
                                : null)));
        return deployments;
    }

    public List<Release> currentReleases(Environment environment) {
        List<Release> releases = new ArrayList<>();
        client.get("/environments/" + environment.uuid() + "/released-versions/currently-supported")
                .json()
                .path("_embedded")
                .path("releasedVersions")
                .forEach(r -> releases.add(new Release(
                        r.path("_embedded").path("pacticipant").path("name").asText(),
                        r.path("_embedded").path("version").path("number").asText(),
                        environment.name())));
        return releases;
    }

    /** The Pact Broker's can-i-deploy answer ({@code summary.deployable}, {@code reason}…), or empty on 404. */
    public Optional<JsonNode> canIDeploy(String pacticipant, String version, String environment) {
        return canIDeploy(pacticipant, version, environment, null);
    }

    /** can-i-deploy to an environment, or (environment null) to where a tag points. */
    public Optional<JsonNode> canIDeploy(String pacticipant, String version, String environment, String toTag) {
        var answer = client.get("/can-i-deploy?pacticipant=" + PactBrokerClient.query(pacticipant) + "&version="
                + PactBrokerClient.query(version)
                + (environment != null
                        ? "&environment=" + PactBrokerClient.query(environment)
                        : "&to=" + PactBrokerClient.query(toTag)));
        return answer.found() ? Optional.of(answer.json()) : Optional.empty();
    }

    static String versionPath(String pacticipant, String number) {
        return "/pacticipants/" + PactBrokerClient.segment(pacticipant) + "/versions/"
                + PactBrokerClient.segment(number);
    }

    static String pactPath(String consumer, String provider, String version) {
        return "/pacts/provider/" + PactBrokerClient.segment(provider) + "/consumer/"
                + PactBrokerClient.segment(consumer) + "/version/" + PactBrokerClient.segment(version);
    }

    static String pactVersionPath(String consumer, String provider, String sha) {
        return "/pacts/provider/" + PactBrokerClient.segment(provider) + "/consumer/"
                + PactBrokerClient.segment(consumer) + PACT_VERSION_PATH + PactBrokerClient.segment(sha);
    }

    private static Version version(String pacticipant, JsonNode v) {
        List<String> branches = new ArrayList<>();
        v.path("_embedded")
                .path("branchVersions")
                .forEach(b -> branches.add(b.path("name").asText()));
        List<String> tags = new ArrayList<>();
        v.path("_embedded").path("tags").forEach(t -> tags.add(t.path("name").asText()));
        return new Version(
                pacticipant, v.path("number").asText(), v.path("buildUrl").asText(null), branches, tags);
    }

    /** The pact as published: the broker adds {@code createdAt} and {@code _links} to what it serves. */
    private static Pact pact(String consumer, String version, JsonNode json) {
        String href = json.path("_links").path("pb:pact-version").path("href").asText("");
        String sha = href.substring(href.lastIndexOf('/') + 1);
        String provider = json.path("provider")
                .path("name")
                .asText(json.path("_links").path("pb:provider").path("name").asText());
        var content = ((com.fasterxml.jackson.databind.node.ObjectNode) json.deepCopy());
        content.remove("_links");
        content.remove("createdAt");
        return new Pact(consumer, provider, version, sha, content.toString());
    }

    static Iterable<JsonNode> links(JsonNode json, String rel) {
        JsonNode link = json.path("_links").path(rel);
        if (link.isArray()) {
            return link;
        }
        return link.isObject() ? List.of(link) : List.of();
    }
}
