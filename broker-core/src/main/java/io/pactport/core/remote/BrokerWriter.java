package io.pactport.core.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactport.core.remote.RemoteModel.Deployment;
import io.pactport.core.remote.RemoteModel.Environment;
import io.pactport.core.remote.RemoteModel.Pact;
import io.pactport.core.remote.RemoteModel.Release;
import io.pactport.core.remote.RemoteModel.Verification;
import io.pactport.core.remote.RemoteModel.VerificationDetails;
import io.pactport.core.remote.RemoteModel.Version;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Writes to a remote Pact Broker through its public API, idempotently: every method can be called again with the same
 * input and changes nothing the second time. Where the API itself is idempotent (PUT of a pact with the same content,
 * tags, branch versions, releases) it is called as is; where it is not (verification results, deployments,
 * environments) the broker is read first.
 */
public final class BrokerWriter {

    /** What a write did. */
    public enum Outcome {
        WRITTEN,
        UNCHANGED
    }

    /** Beyond this many remembered lookups a cache starts over (a lookup more, no more). */
    private static final int REMEMBERED = 10_000;

    private final PactBrokerClient client;
    private final BrokerReader reader;
    /**
     * The target's uuid of each environment by name, found once rather than by listing every environment for each
     * deployment and release. A uuid that turns out gone (404: the environment was deleted and made again) is
     * forgotten and looked up again.
     */
    private final Map<String, String> environmentUuids = new ConcurrentHashMap<>();
    /**
     * The links of the target's pact version by consumer, provider and content SHA, found once rather than for every
     * verification result of that content (a pact version's URLs never change; one found gone is looked up again).
     */
    private final Map<String, JsonNode> pactLinks = new ConcurrentHashMap<>();

    public BrokerWriter(PactBrokerClient client) {
        this.client = client;
        this.reader = new BrokerReader(client);
    }

    public BrokerReader reader() {
        return reader;
    }

    /** Creates the pacticipant or updates the given fields (PATCH creates it on the Pact Broker). */
    public Outcome pacticipant(String name, JsonNode fields) {
        ObjectNode body = PactBrokerClient.JSON.createObjectNode();
        if (fields != null && fields.isObject()) {
            body.setAll((ObjectNode) fields);
        }
        body.remove("name");
        return client.patch("/pacticipants/" + PactBrokerClient.segment(name), body)
                                .status()
                        == 201
                ? Outcome.WRITTEN
                : Outcome.UNCHANGED;
    }

    /**
     * The version with its build URL, branches and tags (labels are added, never removed here). A version the target
     * already holds keeps its build URL unless this one has another.
     */
    public Outcome version(Version version) {
        return version(version, false);
    }

    /**
     * @param buildUrlChanged the version's build URL is news (a {@code version.updated} event), so a version without
     *        one clears the target's too
     */
    public Outcome version(Version version, boolean buildUrlChanged) {
        String path = BrokerReader.versionPath(version.pacticipant(), version.number());
        // PATCH (merge): the Pact Broker's PUT replaces the row, so a PUT without the build URL erased the one the
        // target held; PATCH creates a missing version as PUT does, and changes only the fields sent
        ObjectNode body = PactBrokerClient.JSON.createObjectNode();
        if (version.buildUrl() != null || buildUrlChanged) {
            body.put("buildUrl", version.buildUrl());
        }
        boolean written = client.patch(path, body).status() == 201;
        for (String branch : version.branches()) {
            written |= branch(version.pacticipant(), branch, version.number()) == Outcome.WRITTEN;
        }
        for (String tag : version.tags()) {
            written |= tag(version.pacticipant(), version.number(), tag) == Outcome.WRITTEN;
        }
        return written ? Outcome.WRITTEN : Outcome.UNCHANGED;
    }

    /** Creates the version if the target lacks it; an existing one is left as it is (an empty merge). */
    private void ensureVersion(String pacticipant, String number) {
        client.patch(BrokerReader.versionPath(pacticipant, number), Map.of());
    }

    public Outcome tag(String pacticipant, String version, String tag) {
        return client.put(
                                        BrokerReader.versionPath(pacticipant, version) + "/tags/"
                                                + PactBrokerClient.segment(tag),
                                        Map.of())
                                .status()
                        == 201
                ? Outcome.WRITTEN
                : Outcome.UNCHANGED;
    }

    public Outcome branch(String pacticipant, String branch, String version) {
        return client.put(
                                        "/pacticipants/" + PactBrokerClient.segment(pacticipant) + "/branches/"
                                                + PactBrokerClient.segment(branch) + "/versions/"
                                                + PactBrokerClient.segment(version),
                                        Map.of())
                                .status()
                        == 201
                ? Outcome.WRITTEN
                : Outcome.UNCHANGED;
    }

    public Outcome label(String pacticipant, String label) {
        return client.put(
                                        "/pacticipants/" + PactBrokerClient.segment(pacticipant) + "/labels/"
                                                + PactBrokerClient.segment(label),
                                        Map.of())
                                .status()
                        == 201
                ? Outcome.WRITTEN
                : Outcome.UNCHANGED;
    }

    /**
     * Publishes the pact's content for its consumer version as it was first published (without the interaction ids
     * a broker adds, see {@link PactIds}), with the version's labels (none when {@code labels} is null). Publishing
     * the same content again is a no-op on the Pact Broker (200); different content is its 409, which will not heal.
     *
     * <p>A refused publication leaves the target as it was. Only a consumer version that already has a pact there can
     * be refused for its content, so then the pact goes first and the labels follow once it is accepted. Otherwise the
     * labels go first, as {@code pact-broker publish} writes them: the target's webhooks and readers see the new pact
     * with its branch and tags from the start.
     */
    public Outcome pact(Pact pact, Version labels) {
        boolean labelsFirst = labels != null
                && reader.pact(pact.consumer(), pact.provider(), pact.consumerVersion())
                        .isEmpty();
        boolean written = labelsFirst && version(labels) == Outcome.WRITTEN;
        written |= client.putRaw(
                                BrokerReader.pactPath(pact.consumer(), pact.provider(), pact.consumerVersion()),
                                PactIds.withoutGeneratedIds(pact.content()))
                        .status()
                == 201;
        if (labels != null && !labelsFirst) {
            written |= version(labels) == Outcome.WRITTEN;
        }
        return written ? Outcome.WRITTEN : Outcome.UNCHANGED;
    }

    /**
     * Publishes a verification result to the broker's own pact-version URL, found by consumer, provider and content
     * SHA (or, when the broker computed another SHA for the same publication, by consumer version). Skipped when the
     * broker's latest result for that pact content is already this provider version's with the same outcome: the
     * Pact Broker would otherwise store a duplicate.
     */
    public Outcome verification(Verification verification, VerificationDetails details) {
        return verification(verification, details, false);
    }

    private Outcome verification(Verification verification, VerificationDetails details, boolean again) {
        String key = verification.consumer() + "\n" + verification.provider() + "\n" + verification.sha();
        JsonNode pact = pactLinks.get(key);
        if (pact == null) {
            pact = targetPact(verification);
            remember(pactLinks, key, pact);
        }
        var latest = client.get(href(pact, "pb:latest-verification-results"));
        if (latest.found()) {
            JsonNode existing = latest.json();
            if (verification
                            .providerVersion()
                            .equals(existing.path("providerApplicationVersion").asText())
                    && verification.success() == existing.path("success").asBoolean()) {
                return Outcome.UNCHANGED;
            }
        }
        VerificationDetails labels = details == null ? VerificationDetails.NONE : details;
        version(new Version(
                verification.provider(),
                verification.providerVersion(),
                null,
                labels.providerBranch() == null ? List.of() : List.of(labels.providerBranch()),
                labels.providerTags()));
        ObjectNode body = PactBrokerClient.JSON.createObjectNode();
        body.put("success", verification.success());
        body.put("providerApplicationVersion", verification.providerVersion());
        if (verification.buildUrl() != null) {
            body.put("buildUrl", verification.buildUrl());
        }
        if (labels.testResults() != null && !labels.testResults().isNull()) {
            body.set("testResults", labels.testResults());
        }
        if (labels.verifiedBy() != null && labels.verifiedBy().isObject()) {
            body.set("verifiedBy", labels.verifiedBy());
        }
        if (!client.post(href(pact, "pb:publish-verification-results"), body).found()) {
            pactLinks.remove(key);
            if (again) {
                throw new RemoteBrokerException(
                        "publishing the verification result of the pact between " + verification.consumer() + " and "
                                + verification.provider(),
                        404,
                        "the broker's pact-version URL is gone",
                        null);
            }
            return verification(verification, details, true); // the pact version remembered is gone: find it again
        }
        return Outcome.WRITTEN;
    }

    /** The pact's links (only they are kept: the content can be large). */
    private JsonNode targetPact(Verification v) {
        var bySha = client.get(BrokerReader.pactVersionPath(v.consumer(), v.provider(), v.sha()));
        if (bySha.found()) {
            return links(bySha.json());
        }
        var byVersion = client.get(BrokerReader.pactPath(v.consumer(), v.provider(), v.consumerVersion()));
        if (byVersion.found()) {
            return links(byVersion.json());
        }
        throw new RemoteBrokerException(
                "finding the pact between " + v.consumer() + " and " + v.provider() + " with content " + v.sha()
                        + " (consumer version " + v.consumerVersion() + ")",
                404,
                "the broker has no such pact: copy the pact first (import, or cut-over backfill)",
                null);
    }

    /** Creates the environment, or updates its display name and production flag; returns the broker's uuid. */
    public String environment(Environment environment) {
        Optional<Environment> existing = environmentNamed(environment.name());
        ObjectNode body = PactBrokerClient.JSON.createObjectNode();
        body.put("name", environment.name());
        body.put("production", environment.production());
        if (environment.displayName() != null) {
            body.put("displayName", environment.displayName());
        }
        if (environment.contacts() != null && environment.contacts().isArray()) {
            body.set("contacts", environment.contacts());
        }
        if (existing.isEmpty()) {
            String uuid = client.post("/environments", body).json().path("uuid").asText();
            remember(environmentUuids, environment.name(), uuid);
            return uuid;
        }
        Environment found = existing.get();
        if (found.production() != environment.production()
                || (environment.displayName() != null
                        && !Objects.equals(found.displayName(), environment.displayName()))) {
            client.put("/environments/" + found.uuid(), body);
        }
        return found.uuid();
    }

    public Outcome deleteEnvironment(String name) {
        Optional<Environment> existing = environmentNamed(name);
        if (existing.isEmpty()) {
            return Outcome.UNCHANGED;
        }
        environmentUuids.remove(name);
        client.delete("/environments/" + existing.get().uuid());
        return Outcome.WRITTEN;
    }

    /**
     * Records the deployment unless the version is already currently deployed there (to the same application
     * instance). The environment is matched by name; it is created when missing, with {@code production} as given.
     */
    public Outcome deployment(Deployment deployment, boolean production) {
        return deployment(deployment, production, false);
    }

    private Outcome deployment(Deployment deployment, boolean production, boolean again) {
        String environment = environmentUuid(deployment.environment(), production);
        Optional<Optional<String>> current = currentDeploymentIfThere(environment, deployment);
        if (current.isEmpty()) {
            return forgotten(deployment.environment(), again, () -> deployment(deployment, production, true));
        }
        if (current.get().isPresent()) {
            return Outcome.UNCHANGED;
        }
        ensureVersion(deployment.pacticipant(), deployment.version());
        Map<String, Object> body = deployment.applicationInstance() == null
                ? Map.of()
                : Map.of("applicationInstance", deployment.applicationInstance());
        if (!client.post(
                        BrokerReader.versionPath(deployment.pacticipant(), deployment.version())
                                + "/deployed-versions/environment/" + environment,
                        body)
                .found()) {
            return forgotten(deployment.environment(), again, () -> deployment(deployment, production, true));
        }
        return Outcome.WRITTEN;
    }

    /** Marks the deployment as no longer current, if it still is. */
    public Outcome undeployment(Deployment deployment) {
        Optional<Environment> environment = environmentNamed(deployment.environment());
        if (environment.isEmpty()) {
            return Outcome.UNCHANGED;
        }
        Optional<String> uuid = currentDeployment(environment.get().uuid(), deployment);
        if (uuid.isEmpty()) {
            return Outcome.UNCHANGED;
        }
        client.patch("/deployed-versions/" + uuid.get(), Map.of("currentlyDeployed", false));
        return Outcome.WRITTEN;
    }

    /** Records the release (the Pact Broker answers 200 for one already recorded). */
    public Outcome release(Release release, boolean production) {
        return release(release, production, false);
    }

    private Outcome release(Release release, boolean production, boolean again) {
        String environment = environmentUuid(release.environment(), production);
        ensureVersion(release.pacticipant(), release.version());
        var answer = client.post(
                BrokerReader.versionPath(release.pacticipant(), release.version()) + "/released-versions/environment/"
                        + environment,
                Map.of());
        if (!answer.found()) {
            return forgotten(release.environment(), again, () -> release(release, production, true));
        }
        return answer.status() == 201 ? Outcome.WRITTEN : Outcome.UNCHANGED;
    }

    public Outcome supportEnded(Release release) {
        Optional<Environment> environment = environmentNamed(release.environment());
        if (environment.isEmpty()) {
            return Outcome.UNCHANGED;
        }
        for (JsonNode r : client.get("/environments/" + environment.get().uuid()
                        + "/released-versions/currently-supported?pacticipant="
                        + PactBrokerClient.query(release.pacticipant()))
                .json()
                .path("_embedded")
                .path("releasedVersions")) {
            if (release.version()
                    .equals(r.path("_embedded").path("version").path("number").asText())) {
                client.patch("/released-versions/" + r.path("uuid").asText(), Map.of("currentlySupported", false));
                return Outcome.WRITTEN;
            }
        }
        return Outcome.UNCHANGED;
    }

    /** DELETE of something that may already be gone: 404 is the same outcome as 204. */
    public Outcome delete(String path) {
        return client.delete(path).found() ? Outcome.WRITTEN : Outcome.UNCHANGED;
    }

    private String environmentUuid(String name, boolean production) {
        String remembered = environmentUuids.get(name);
        if (remembered != null) {
            return remembered;
        }
        String uuid = environmentNamed(name)
                .map(Environment::uuid)
                .orElseGet(() -> environment(new Environment(null, name, null, production, null)));
        remember(environmentUuids, name, uuid);
        return uuid;
    }

    /**
     * The environment's uuid answered 404 (deleted and made again since it was remembered): forgotten, and the write
     * done once more with a fresh lookup; a 404 then is the target's refusal, which will not heal.
     */
    private Outcome forgotten(String environment, boolean again, Supplier<Outcome> write) {
        environmentUuids.remove(environment);
        if (again) {
            throw new RemoteBrokerException(
                    "writing to environment " + environment,
                    404,
                    "the broker does not know the environment it listed",
                    null);
        }
        return write.get();
    }

    private static <V> void remember(Map<String, V> cache, String key, V value) {
        if (cache.size() >= REMEMBERED) {
            cache.clear();
        }
        cache.put(key, value);
    }

    private static JsonNode links(JsonNode pact) {
        ObjectNode links = PactBrokerClient.JSON.createObjectNode();
        links.set("_links", pact.path("_links"));
        return links;
    }

    private Optional<Environment> environmentNamed(String name) {
        return reader.environments().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    private Optional<String> currentDeployment(String environmentUuid, Deployment deployment) {
        return currentDeploymentIfThere(environmentUuid, deployment).orElse(Optional.empty());
    }

    /** Empty when the environment is not there (404), else the uuid of the current deployment there, if any. */
    private Optional<Optional<String>> currentDeploymentIfThere(String environmentUuid, Deployment deployment) {
        var answer =
                client.get("/environments/" + environmentUuid + "/deployed-versions/currently-deployed?pacticipant="
                        + PactBrokerClient.query(deployment.pacticipant()));
        if (!answer.found()) {
            return Optional.empty();
        }
        for (JsonNode d : answer.json().path("_embedded").path("deployedVersions")) {
            String instance = d.hasNonNull("applicationInstance")
                    ? d.get("applicationInstance").asText()
                    : null;
            if (deployment
                            .version()
                            .equals(d.path("_embedded")
                                    .path("version")
                                    .path("number")
                                    .asText())
                    && Objects.equals(instance, deployment.applicationInstance())) {
                return Optional.of(Optional.of(d.path("uuid").asText()));
            }
        }
        return Optional.of(Optional.empty());
    }

    private static String href(JsonNode json, String rel) {
        String href = json.path("_links").path(rel).path("href").asText(null);
        if (href == null) {
            throw new RemoteBrokerException(
                    "reading the pact's " + rel + " link",
                    404,
                    "the broker's pact resource has no " + rel + " link",
                    null);
        }
        return href;
    }
}
