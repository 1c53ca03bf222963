package io.pactport.api.pacts;

import io.pactport.api.config.ApiConfig;
import io.pactport.api.http.NotFoundException;
import io.pactport.api.http.ParsingPool;
import io.pactport.api.http.TimedOutException;
import io.pactport.api.pacticipants.Pacticipant;
import io.pactport.api.pacticipants.PacticipantRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading pacts: one query each, outside any transaction. */
@ApplicationScoped
public class PactReadService {

    private final Pool pool;
    private final PactRepository pacts;
    private final PacticipantRepository pacticipants;
    private final Clock clock;
    private final ParsingPool parsing;
    private final Duration diffTimeout;

    PactReadService(
            Pool pool,
            PactRepository pacts,
            PacticipantRepository pacticipants,
            Clock clock,
            ParsingPool parsing,
            ApiConfig config) {
        this.parsing = parsing;
        this.diffTimeout = config.pactContentDiffTimeout();
        this.pool = pool;
        this.pacts = pacts;
        this.pacticipants = pacticipants;
        this.clock = clock;
    }

    public Uni<PactPublication> forConsumerVersion(String provider, String consumer, String version) {
        return pacts.findForConsumerVersion(pool, provider, consumer, version)
                .map(found -> found.orElseThrow(() -> new NotFoundException(
                        "No pact found between " + consumer + " version " + version + " and " + provider)));
    }

    public Uni<PactPublication> latest(String provider, String consumer) {
        return pacts.findLatest(pool, provider, consumer)
                .map(found -> found.orElseThrow(
                        () -> new NotFoundException("No pact found between " + consumer + " and " + provider)));
    }

    public Uni<PactPublication> latestTagged(String provider, String consumer, String tag) {
        return pacts.findLatestTagged(pool, provider, consumer, tag)
                .map(found -> found.orElseThrow(() -> new NotFoundException("No pact found between " + consumer
                        + " and " + provider + " for a consumer version tagged " + tag)));
    }

    public Uni<PactPublication> latestOnBranch(String provider, String consumer, String branch) {
        return pacts.findLatestOnBranch(pool, provider, consumer, branch)
                .map(found -> found.orElseThrow(() -> new NotFoundException("No pact found between " + consumer
                        + " and " + provider + " for a consumer version on branch " + branch)));
    }

    /** The pact with this content; the metadata's consumer version ({@code cvn}) when it has this content. */
    public Uni<PactPublication> bySha(String provider, String consumer, String sha, String metadata) {
        Map<String, Object> decoded = MetadataCodec.decode(metadata);
        String preferred = decoded.get("cvn") instanceof String number ? number : null;
        return pacts.findBySha(pool, provider, consumer, sha, preferred)
                .map(found -> found.orElseThrow(() -> new NotFoundException(
                        "No pact found between " + consumer + " and " + provider + " with content " + sha)));
    }

    public Uni<List<PactPublication>> latestPerIntegration() {
        return pacts.latestPerIntegration(pool);
    }

    /** The provider's latest pact from each consumer (with the tag, if any); 404 for an unknown provider. */
    public Uni<List<PactPublication>> latestForProvider(String provider, Optional<String> tag) {
        return knownProvider(provider, pacts.latestForProvider(pool, provider, tag));
    }

    /** Every pact of the provider (from consumer versions with the tag, if any); 404 for an unknown provider. */
    public Uni<List<PactPublication>> allForProvider(String provider, Optional<String> tag) {
        return knownProvider(provider, pacts.allForProvider(pool, provider, tag));
    }

    /** The list, after making sure an empty one is of a provider that exists: pacts prove it without a look-up. */
    private Uni<List<PactPublication>> knownProvider(String provider, Uni<List<PactPublication>> list) {
        return list.flatMap(found -> found.isEmpty()
                ? require(pool, provider, "provider").replaceWith(found)
                : Uni.createFrom().item(found));
    }

    public Uni<List<PactPublication>> allForIntegration(String provider, String consumer) {
        return pacts.allForIntegration(pool, provider, consumer);
    }

    /** The newest {@code limit} pacts between the two, latest first: a page's short list of an integration's pacts. */
    public Uni<List<PactPublication>> newestForIntegration(String provider, String consumer, int limit) {
        return pacts.newestForIntegration(pool, provider, consumer, limit);
    }

    /** The pact between the two whose consumer version has no tag, latest first. */
    public Uni<PactPublication> latestUntagged(String provider, String consumer) {
        return pacts.findLatestUntagged(pool, provider, consumer)
                .map(found -> found.orElseThrow(() -> new NotFoundException("No pact found between " + consumer
                        + " and " + provider + " for a consumer version without tags")));
    }

    /** Every pact between the two tagged {@code tag}, latest first; 404 for an unknown consumer or provider. */
    public Uni<List<PactPublication>> allTaggedForIntegration(String provider, String consumer, String tag) {
        return requireBoth(consumer, provider)
                .flatMap(ignored -> pacts.allTaggedForIntegration(pool, provider, consumer, tag));
    }

    /**
     * The provider's pacts (from {@code consumer} only, if not null) on {@code branch} (each consumer's main branch when
     * null), only the branch heads' when {@code latest}; 404 for an unknown consumer or provider.
     */
    public Uni<List<PactPublication>> onBranch(String provider, String consumer, String branch, boolean latest) {
        Uni<?> exists = consumer == null ? require(pool, provider, "provider") : requireBoth(consumer, provider);
        return exists.flatMap(ignored -> pacts.onBranch(pool, provider, consumer, branch, latest));
    }

    /** Every pact between the two, latest first; 404 for an unknown consumer or provider. */
    public Uni<List<PactPublication>> allForExistingIntegration(String provider, String consumer) {
        return requireBoth(consumer, provider).flatMap(ignored -> allForIntegration(provider, consumer));
    }

    /** The latest pact before the consumer version's with other content; 404 when either is missing. */
    public Uni<PactPublication> previousDistinct(String provider, String consumer, String version) {
        return forConsumerVersion(provider, consumer, version)
                .flatMap(pact -> pacts.findPreviousDistinct(pool, pact)
                        .map(found ->
                                found.orElseThrow(() -> new NotFoundException(PactDiffText.noPreviousVersion(pact)))));
    }

    /** The Pact Broker's diff page of the pact and the latest before it with other content (or its note of none). */
    public Uni<String> diffWithPreviousDistinct(PactPublication pact, String base) {
        return pacts.findPreviousDistinct(pool, pact)
                .flatMap(previous -> previous.isPresent()
                        ? diff(pact, previous.get(), base)
                        : Uni.createFrom().item(PactDiffText.noPreviousVersion(pact)));
    }

    /**
     * The Pact Broker's diff page of the two pacts; the change is dated by the first publication after the comparison
     * pact, when the content it is compared with first appeared. Given up with a 408 after
     * {@code PACTFLOW_PACT_CONTENT_DIFF_TIMEOUT}, as in the Pact Broker, whose diff of large pacts can take minutes.
     */
    public Uni<String> diff(PactPublication pact, PactPublication comparison, String base) {
        // diffing parses and compares both pacts, as slow as rendering a large one
        return pacts.findNext(pool, comparison)
                .flatMap(next -> parsing.run(
                        (long) pact.content().length() + comparison.content().length(),
                        () -> PactDiffText.of(
                                pact, comparison, next.orElse(pact).createdAt(), base, clock.instant())))
                .ifNoItem()
                .after(diffTimeout)
                .failWith(() -> new TimedOutException("The diff could not be generated within " + diffTimeout.toMillis()
                        + " ms (PACTFLOW_PACT_CONTENT_DIFF_TIMEOUT)"));
    }

    /** The provider's pacts at each consumer's head of {@code branch} (the main branch when null); 404 if unknown. */
    public Uni<List<PactPublication>> branchHeadsWithContent(String provider, String branch) {
        return require(pool, provider, "provider")
                .flatMap(ignored -> pacts.branchHeadsWithContent(pool, provider, branch));
    }

    /** The provider's pacts currently deployed or supported in the environment (uuid or name); 404 if unknown. */
    public Uni<List<PactPublication>> inEnvironmentWithContent(String provider, String environment) {
        return require(pool, provider, "provider")
                .flatMap(ignored -> pacts.inEnvironmentWithContent(pool, provider, environment));
    }

    /** The pacticipant, or the Pact Broker's 404 naming its role ("No consumer with name 'X' found"). */
    public Uni<Pacticipant> require(SqlClient c, String name, String role) {
        return pacticipants
                .findByName(c, name)
                .map(found -> found.orElseThrow(
                        () -> new NotFoundException("No " + role + " with name '" + name + "' found")));
    }

    private Uni<Pacticipant> requireBoth(String consumer, String provider) {
        return require(pool, consumer, "consumer").call(ignored -> require(pool, provider, "provider"));
    }
}
