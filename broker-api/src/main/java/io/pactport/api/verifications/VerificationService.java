package io.pactport.api.verifications;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactport.api.events.Outbox;
import io.pactport.api.http.NotFoundException;
import io.pactport.api.http.PactJson;
import io.pactport.api.http.RequestErrors;
import io.pactport.api.pacticipants.Pacticipant;
import io.pactport.api.pacts.MetadataCodec;
import io.pactport.api.pacts.PactPublication;
import io.pactport.api.pacts.PactPublishService;
import io.pactport.api.pacts.PactReadService;
import io.pactport.api.pacts.PactRepository;
import io.pactport.api.verifications.VerificationRepository.NewVerification;
import io.pactport.api.verifications.VerificationRepository.PactVersionToVerify;
import io.pactport.api.versions.Version;
import io.pactport.api.versions.VersionOrdering;
import io.pactport.core.errors.InvalidRequestException;
import io.pactport.core.events.PactportEvent.VerificationDeleted;
import io.pactport.core.events.PactportEvent.VerificationPublished;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishing a provider's verification result for a pact's content, with the Pact Broker's writes (provider version,
 * the verification with the provider version's tags and the URL metadata, both helper tables) and its event, in one
 * transaction; reading results back (by number, the latest of a pact, a consumer version's summary); deleting one.
 */
@ApplicationScoped
public class VerificationService {

    private final Pool pool;
    private final VerificationRepository verifications;
    private final PactRepository pacts;
    private final PactPublishService publisher;
    private final PactReadService pactReader;
    private final Outbox outbox;
    private final VerificationListener listener;
    private final VersionOrdering ordering;

    VerificationService(
            Pool pool,
            VerificationRepository verifications,
            PactRepository pacts,
            PactPublishService publisher,
            PactReadService pactReader,
            Outbox outbox,
            VerificationListener listener,
            VersionOrdering ordering) {
        this.pool = pool;
        this.verifications = verifications;
        this.pacts = pacts;
        this.publisher = publisher;
        this.pactReader = pactReader;
        this.outbox = outbox;
        this.listener = listener;
        this.ordering = ordering;
    }

    /**
     * @param metadata the URL's metadata segment, or null
     * @throws NotFoundException (in the Uni) when no pact between the two has this content
     */
    public Uni<VerificationResult> publish(
            String provider, String consumer, String sha, String metadata, JsonNode body) {
        Request request = Request.validate(body, ordering);
        VerificationMetadata meta = VerificationMetadata.from(MetadataCodec.decode(metadata));
        return pool.withTransaction(tx -> verifications
                .findPactVersion(tx, provider, consumer, sha)
                .map(found -> found.orElseThrow(() -> new NotFoundException(
                        "No pact between " + consumer + " and " + provider + " has the content " + sha)))
                .flatMap(target -> verifications
                        .nextNumber(tx)
                        .flatMap(number -> publisher
                                .version(tx, providerOf(target), request.providerVersion())
                                .flatMap(version -> verifications
                                        .versionNumbers(tx, meta.consumerVersionIds())
                                        .flatMap(numbers -> insert(
                                                tx, target, number, version.value(), request, meta, numbers))))));
    }

    private Uni<VerificationResult> insert(
            SqlClient tx,
            PactVersionToVerify target,
            int number,
            Version providerVersion,
            Request request,
            VerificationMetadata meta,
            Map<Long, String> versionNumbers) {
        List<Map<String, Object>> selectorHashes = meta.selectorHashes(versionNumbers);
        NewVerification row = new NewVerification(
                number,
                request.success(),
                request.buildUrl(),
                target.pactVersion().id(),
                providerVersion.id(),
                request.testResults(),
                target.pactVersion().consumerId(),
                target.pactVersion().providerId(),
                meta.wip(),
                selectorHashes == null ? null : PactJson.write(selectorHashes),
                meta.pending(),
                request.implementation(),
                request.version(),
                request.clientName(),
                request.clientVersion(),
                request.clientTestFramework());
        String consumer = target.pactVersion().consumerName();
        String provider = target.pactVersion().providerName();
        String consumerVersion = meta.consumerVersionNumber() != null
                ? meta.consumerVersionNumber()
                : versionNumbers.values().stream().findFirst().orElse(target.latestConsumerVersion());
        return verifications
                .insert(tx, row)
                .flatMap(inserted -> pacts.labelsOf(tx, providerVersion.id())
                        .flatMap(labels -> outbox.append(
                                tx,
                                new VerificationPublished(
                                        consumer,
                                        provider,
                                        target.pactVersion().sha(),
                                        consumerVersion,
                                        providerVersion.number(),
                                        labels.branches().isEmpty()
                                                ? null
                                                : labels.branches()
                                                        .get(labels.branches().size() - 1),
                                        labels.tags(),
                                        request.success(),
                                        request.buildUrl(),
                                        number,
                                        meta.wip(),
                                        meta.pending(),
                                        request.verifiedBy())))
                        .call(() -> listener.verificationPublished(tx, inserted.id()))
                        .replaceWith(new VerificationResult(
                                inserted.id(),
                                number,
                                consumer,
                                provider,
                                target.pactVersion().sha(),
                                providerVersion.number(),
                                request.success(),
                                inserted.executionDate(),
                                request.buildUrl(),
                                request.testResults(),
                                request.implementation(),
                                request.version(),
                                request.clientName(),
                                request.clientVersion(),
                                request.clientTestFramework())));
    }

    /**
     * A result by its number, or the latest ({@code latest}) result of the content.
     *
     * @throws NotFoundException (in the Uni) when there is none, and for {@code all}, with the Pact Broker's pointer
     */
    public Uni<VerificationResult> find(String provider, String consumer, String sha, String number) {
        return lookup(pool, provider, consumer, sha, number);
    }

    /** Deletes a result (by number, or the latest), with its triggered webhooks, and appends its event. */
    public Uni<Void> delete(String provider, String consumer, String sha, String number) {
        return pool.withTransaction(tx -> lookup(tx, provider, consumer, sha, number)
                .call(result -> verifications.delete(tx, result.id()))
                .flatMap(result -> outbox.append(
                        tx,
                        new VerificationDeleted(
                                result.consumerName(),
                                result.providerName(),
                                result.sha(),
                                result.number(),
                                result.providerVersionNumber(),
                                result.success()))));
    }

    /** The latest result of the content of the consumer version's pact (its latest revision). */
    public Uni<VerificationResult> latestForConsumerVersion(String provider, String consumer, String version) {
        return pactReader.forConsumerVersion(provider, consumer, version).flatMap(this::latestFor);
    }

    /** The latest result of the content of the latest pact, of a consumer version with the tag when one is given. */
    public Uni<VerificationResult> latestForLatestPact(String provider, String consumer, String tag) {
        return (tag == null ? pactReader.latest(provider, consumer) : pactReader.latestTagged(provider, consumer, tag))
                .flatMap(this::latestFor);
    }

    /** The latest result of each of the consumer version's pacts, and the providers that have none. */
    public Uni<VerificationSummary> summary(String consumer, String version) {
        return verifications
                .consumerVersionId(pool, consumer, version)
                .map(found -> found.orElseThrow(() ->
                        new NotFoundException("No version '" + version + "' of pacticipant '" + consumer + "' found")))
                .flatMap(id -> verifications
                        .latestForConsumerVersion(pool, id)
                        .flatMap(latest -> verifications
                                .providersOfConsumerVersion(pool, id)
                                .map(providers -> new VerificationSummary(latest, providers))));
    }

    private Uni<VerificationResult> latestFor(PactPublication pact) {
        return verifications
                .findLatest(pool, pact.providerName(), pact.consumerName(), pact.sha())
                .map(found -> found.orElseThrow(
                        () -> new NotFoundException("No verification result found for the " + pact.name())));
    }

    private Uni<VerificationResult> lookup(SqlClient c, String provider, String consumer, String sha, String number) {
        if ("all".equals(number)) {
            return Uni.createFrom()
                    .failure(new NotFoundException("To see all the verifications for a pact, use the Matrix page"));
        }
        Uni<Optional<VerificationResult>> found = "latest".equals(number)
                ? verifications.findLatest(c, provider, consumer, sha)
                : number.matches("\\d{1,9}")
                        ? verifications.find(c, provider, consumer, sha, Integer.parseInt(number))
                        : Uni.createFrom().item(Optional.empty());
        return found.map(result -> result.orElseThrow(() -> new NotFoundException("No verification result " + number
                + " for the pact between " + consumer + " and " + provider + " with content " + sha)));
    }

    private static Pacticipant providerOf(PactVersionToVerify target) {
        return Pacticipant.named(
                target.pactVersion().providerId(), target.pactVersion().providerName());
    }

    /** The body, checked by the Pact Broker's verification contract. */
    private record Request(
            boolean success,
            String providerVersion,
            String buildUrl,
            String testResults,
            String implementation,
            String version,
            String clientName,
            String clientVersion,
            String clientTestFramework) {

        static Request validate(JsonNode body, VersionOrdering ordering) {
            if (body == null || !body.isObject()) {
                throw InvalidRequestException.of("base", RequestErrors.BODY_NOT_AN_OBJECT);
            }
            RequestErrors errors = new RequestErrors();
            JsonNode successNode = body.get("success");
            Boolean success =
                    errors.given("success", successNode) ? errors.nullableBoolean("success", successNode) : null;
            JsonNode versionNode = body.get("providerApplicationVersion");
            String version = errors.given("providerApplicationVersion", versionNode)
                    ? errors.nullableString("providerApplicationVersion", versionNode)
                    : null;
            if (version != null && errors.notBlank("providerApplicationVersion", version)) {
                errors.singleLine("providerApplicationVersion", version);
                if (!errors.has("providerApplicationVersion")) {
                    errors.addIfAny("providerApplicationVersion", ordering.unreadableNumber(version));
                }
            }
            JsonNode buildUrl = body.get("buildUrl");
            if (!RequestErrors.absent(buildUrl)) {
                errors.url("buildUrl", buildUrl.isTextual() ? buildUrl.textValue() : null);
            }
            errors.throwIfAny();
            JsonNode testResults = body.get("testResults");
            JsonNode verifiedBy = body.path("verifiedBy");
            JsonNode client = verifiedBy.path("clientLanguage");
            return new Request(
                    success,
                    version,
                    RequestErrors.text(buildUrl),
                    RequestErrors.absent(testResults) ? null : PactJson.write(testResults),
                    RequestErrors.text(verifiedBy.get("implementation")),
                    RequestErrors.text(verifiedBy.get("version")),
                    RequestErrors.text(client.get("name")),
                    RequestErrors.text(client.get("version")),
                    RequestErrors.text(client.get("testFramework")));
        }

        Map<String, String> verifiedBy() {
            Map<String, String> verifiedBy = new LinkedHashMap<>();
            putIfPresent(verifiedBy, "implementation", implementation);
            putIfPresent(verifiedBy, "version", version);
            putIfPresent(verifiedBy, "clientLanguageName", clientName);
            putIfPresent(verifiedBy, "clientLanguageVersion", clientVersion);
            putIfPresent(verifiedBy, "clientLanguageTestFramework", clientTestFramework);
            return verifiedBy;
        }

        private static void putIfPresent(Map<String, String> map, String key, String value) {
            if (value != null) {
                map.put(key, value);
            }
        }
    }
}
