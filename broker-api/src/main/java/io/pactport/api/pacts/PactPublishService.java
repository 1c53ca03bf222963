package io.pactport.api.pacts;

import io.pactport.api.config.ApiConfig;
import io.pactport.api.db.Upserted;
import io.pactport.api.events.Outbox;
import io.pactport.api.http.ConflictException;
import io.pactport.api.http.JsonBodies;
import io.pactport.api.http.ParsingPool;
import io.pactport.api.pacticipants.Pacticipant;
import io.pactport.api.pacticipants.PacticipantService;
import io.pactport.api.pacticipants.PublishedNames;
import io.pactport.api.pacts.PactRepository.NewPactVersion;
import io.pactport.api.versions.Version;
import io.pactport.api.versions.VersionOrdering;
import io.pactport.api.versions.VersionService;
import io.pactport.core.errors.InvalidRequestException;
import io.pactport.core.events.PactportEvent.PactPublished;
import io.pactport.core.pact.InvalidPactContentException;
import io.pactport.core.pact.PactContent;
import io.pactport.core.pact.PactContent.ShaBasis;
import io.pactport.core.pact.PactMerger;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Publishing one pact for a consumer version, with every write the Pact Broker makes for it (pacticipants, version,
 * deduplicated content, revision, helper table, integration) and its events, in the caller's transaction. The rule for
 * a consumer version that already has a pact with the provider: the same content changes nothing; changed content is
 * refused unless dangerous modification is allowed, and then becomes the next revision; merging adds the new
 * interactions to the existing ones.
 */
@ApplicationScoped
public class PactPublishService {

    /** How the new content meets an existing pact for the same consumer version and provider. */
    public enum Mode {
        /** PUT, and contracts/publish with {@code onConflict: overwrite}. */
        OVERWRITE,
        /**
         * contracts/publish with {@code onConflict: merge}: the content-change rule applies to the content sent; a
         * changed request then replaces the interaction.
         */
        MERGE_CHECKED,
        /** PATCH: merge whatever the content, but refuse an interaction whose request changed. */
        MERGE
    }

    /** What happened to the consumer version's pact. */
    public enum Outcome {
        CREATED,
        UNCHANGED,
        OVERWRITTEN,
        MERGED
    }

    /** A pact as sent, parsed. */
    public record PactToPublish(PactContent content) {

        /**
         * Parses a pact and derives what is stored of it (SHA, content with interaction ids), which takes seconds for
         * the largest: call it on the {@link ParsingPool}. 400 with PactContent's message when it cannot be a pact;
         * 413 when it is larger than {@link JsonBodies} allows.
         *
         * @param shaBasis what the pact's SHA (the pact version it is stored as) is taken over
         */
        public static PactToPublish parse(byte[] body, String field, ShaBasis shaBasis) {
            JsonBodies.checkPact(body);
            try {
                PactContent content = PactContent.parse(body, shaBasis);
                content.sha();
                content.withInteractionIds();
                return new PactToPublish(content);
            } catch (InvalidPactContentException e) {
                throw InvalidRequestException.of(field, e.getMessage());
            }
        }
    }

    /** @param events the webhook events the publication fired, with the webhooks they triggered */
    public record Published(
            PactPublication pact,
            Outcome outcome,
            Optional<PactPublication> previous,
            List<PublicationListener.DetectedEvent> events) {

        Published(PactPublication pact, Outcome outcome, Optional<PactPublication> previous) {
            this(pact, outcome, previous, List.of());
        }

        Published withEvents(List<PublicationListener.DetectedEvent> detected) {
            return new Published(pact, outcome, previous, List.copyOf(detected));
        }
    }

    private final Pool pool;
    private final PacticipantService pacticipantService;
    private final VersionService versionService;
    private final PactRepository pacts;
    private final Outbox outbox;
    private final ApiConfig config;
    private final PublicationListener listener;
    private final ParsingPool parsing;
    /** A PUT or PATCH's pact is hashed whole when only the verifiable content does not decide equality. */
    private final ShaBasis shaBasis;

    private final VersionOrdering ordering;

    PactPublishService(
            Pool pool,
            PacticipantService pacticipantService,
            VersionService versionService,
            PactRepository pacts,
            Outbox outbox,
            ApiConfig config,
            PublicationListener listener,
            ParsingPool parsing,
            VersionOrdering ordering) {
        this.pool = pool;
        this.parsing = parsing;
        this.pacticipantService = pacticipantService;
        this.versionService = versionService;
        this.pacts = pacts;
        this.outbox = outbox;
        this.config = config;
        this.listener = listener;
        this.ordering = ordering;
        this.shaBasis = config.baseEqualityOnlyOnContentThatAffectsVerificationResults()
                ? ShaBasis.VERIFIABLE_CONTENT
                : ShaBasis.WHOLE_CONTENT;
    }

    /**
     * PUT/PATCH of one pact: the names in the pact must be those of the URL.
     *
     * @param baseUrl the broker's URL, which a refusal of a new pacticipant name that looks like another quotes
     */
    public Uni<Published> publish(
            String provider, String consumer, String consumerVersionNumber, byte[] body, Mode mode, String baseUrl) {
        return parsing.run(body.length, () -> PactToPublish.parse(body, "base", shaBasis))
                .flatMap(pact -> {
                    checkName("consumer", pact.content().consumerName(), consumer);
                    checkName("provider", pact.content().providerName(), provider);
                    checkVersionNumber("consumer_version_number", consumerVersionNumber);
                    String unreadable = ordering.unreadableNumber(consumerVersionNumber);
                    if (unreadable != null) {
                        throw InvalidRequestException.of("consumer_version_number", unreadable);
                    }
                    PublishedNames names = new PublishedNames(List.of(consumer, provider), baseUrl);
                    return pool.withTransaction(tx -> pacticipant(tx, consumer, names)
                            .flatMap(c -> version(tx, c, consumerVersionNumber)
                                    .flatMap(v -> publishInto(tx, c, v.value(), provider, pact, mode, false, names))));
                });
    }

    /**
     * The pacticipant, created (with its event) if new, unless a name of the publication looks like an existing
     * pacticipant's (the Pact Broker's duplicate name check).
     */
    public Uni<Pacticipant> pacticipant(SqlClient tx, String name, PublishedNames publication) {
        return pacticipantService.findOrCreate(tx, name, publication);
    }

    /** The pacticipant's version, created (with its event) if new. */
    public Uni<Upserted<Version>> version(SqlClient tx, Pacticipant pacticipant, String number) {
        return versionService.findOrCreate(tx, pacticipant, number);
    }

    /**
     * Publishes the pact with {@code providerName} for the consumer version, in {@code tx}.
     *
     * @param describeEvents whether the answer lists the webhook events detected, as {@code POST /contracts/publish}
     *     tells the publisher; the events are triggered either way
     * @param publication every pacticipant name the publication has, checked when the provider is new
     */
    public Uni<Published> publishInto(
            SqlClient tx,
            Pacticipant consumer,
            Version consumerVersion,
            String providerName,
            PactToPublish pact,
            Mode mode,
            boolean describeEvents,
            PublishedNames publication) {
        return pacticipant(tx, providerName, publication)
                .flatMap(provider -> pacts.latestRevision(tx, consumerVersion.id(), provider.id())
                        .flatMap(existing -> {
                            if (existing.isEmpty()) {
                                return store(
                                        tx,
                                        consumer,
                                        consumerVersion,
                                        provider,
                                        pact.content(),
                                        1,
                                        Outcome.CREATED,
                                        existing);
                            }
                            PactPublication previous = existing.get();
                            boolean merge = mode != Mode.OVERWRITE;
                            if (mode != Mode.MERGE
                                    && !previous.sha().equals(pact.content().sha())
                                    && !config.allowDangerousContractModification()) {
                                throw new ConflictException(
                                        modificationRefused(consumer.name(), consumerVersion.number(), providerName));
                            }
                            PactContent content = pact.content();
                            if (merge) {
                                // PATCH refuses a changed request (Resources::Pact#is_conflict?); contracts/publish
                                // only
                                // applies the content-change rule above, then merges whatever the requests
                                if (mode == Mode.MERGE
                                        ? PactMerger.conflict(previous.content(), pact.content())
                                        : !PactMerger.mergeable(previous.content(), pact.content())) {
                                    throw new ConflictException(
                                            "Cannot merge the pact for " + consumer.name() + " version "
                                                    + consumerVersion.number() + " and provider " + providerName
                                                    + ": an interaction"
                                                    + " with the same description and provider state has a different request, or"
                                                    + " one of the pacts has no interactions.");
                                }
                                // recorded under the SHA of the pact sent, as the Pact Broker records a merge
                                content = PactMerger.merge(previous.content(), pact.content());
                            }
                            if (content.sha().equals(previous.sha())) {
                                return pacts.touchIntegration(tx, consumer.id(), provider.id())
                                        .call(() -> announce(tx, previous, Outcome.UNCHANGED, false))
                                        .replaceWith(new Published(previous, Outcome.UNCHANGED, existing));
                            }
                            return store(
                                    tx,
                                    consumer,
                                    consumerVersion,
                                    provider,
                                    content,
                                    previous.revisionNumber() + 1,
                                    merge ? Outcome.MERGED : Outcome.OVERWRITTEN,
                                    existing);
                        }))
                .flatMap(published ->
                        listener.published(tx, published, describeEvents).map(published::withEvents));
    }

    private Uni<Published> store(
            SqlClient tx,
            Pacticipant consumer,
            Version consumerVersion,
            Pacticipant provider,
            PactContent content,
            int revision,
            Outcome outcome,
            Optional<PactPublication> previous) {
        String stored = content.withInteractionIds();
        NewPactVersion pactVersion = new NewPactVersion(
                consumer.id(),
                provider.id(),
                content.sha(),
                stored,
                content.messageCount(),
                content.interactionCount(),
                content.hasMessages());
        return pacts.findOrCreatePactVersion(tx, pactVersion)
                .flatMap(pactVersionId -> pacts.insertPublication(
                                tx, consumerVersion, provider.id(), revision, pactVersionId.value())
                        .map(inserted ->
                                inserted.orElseThrow(() -> new ConflictException("The pact for " + consumer.name()
                                        + " version " + consumerVersion.number() + " and provider " + provider.name()
                                        + " was published by another request at the same time; publish it again.")))
                        .map(inserted -> new PactPublication(
                                inserted.id(),
                                consumer.id(),
                                consumer.name(),
                                provider.id(),
                                provider.name(),
                                consumerVersion.id(),
                                consumerVersion.number(),
                                consumerVersion.order(),
                                revision,
                                pactVersionId.value(),
                                content.sha(),
                                stored,
                                inserted.createdAt()))
                        .flatMap(publication -> outcome == Outcome.MERGED && !pactVersionId.created()
                                // the Pact Broker reuses a row with the merge's SHA as it is, whatever the merge held
                                ? pacts.latestRevision(tx, consumerVersion.id(), provider.id())
                                        .map(Optional::orElseThrow)
                                : Uni.createFrom().item(publication))
                        .call(() -> pacts.touchIntegration(tx, consumer.id(), provider.id()))
                        .call(publication -> announce(tx, publication, outcome, pactVersionId.created()))
                        .map(publication -> new Published(publication, outcome, previous)));
    }

    private Uni<Void> announce(SqlClient tx, PactPublication pact, Outcome outcome, boolean newContent) {
        return pacts.labelsOf(tx, pact.consumerVersionId())
                .flatMap(labels -> outbox.append(
                        tx,
                        new PactPublished(
                                pact.consumerName(),
                                pact.providerName(),
                                pact.consumerVersionNumber(),
                                labels.branches().isEmpty()
                                        ? null
                                        : labels.branches()
                                                .get(labels.branches().size() - 1),
                                labels.branches(),
                                labels.tags(),
                                labels.buildUrl(),
                                pact.sha(),
                                pact.revisionNumber(),
                                outcome.name().toLowerCase(),
                                newContent,
                                pact.content())));
    }

    /**
     * The Pact Broker's refusal of changed content for a published consumer version, word for word (its
     * {@code pact_content_modification_not_allowed}): PUT answers it as {@code error}, contracts/publish as the error
     * notice.
     */
    public static String modificationRefused(String consumer, String version, String provider) {
        return "Cannot change the content of the pact for " + consumer + " version " + version + " and provider "
                + provider + ", as race conditions will cause unreliable results for can-i-deploy. Each pact must be"
                + " published with a unique consumer version number. Some Pact libraries generate random data when a"
                + " concrete value for a type matcher is not specified, and this can cause the contract to mutate -"
                + " ensure you have given example values for all type matchers. For more information see"
                + " https://docs.pact.io/go/versioning";
    }

    private static void checkName(String role, Optional<String> nameInPact, String nameInPath) {
        if (nameInPact.isPresent() && !nameInPact.get().equals(nameInPath)) {
            throw InvalidRequestException.of(
                    role + ".name",
                    "name in pact '" + nameInPact.get() + "' does not match name in URL path '" + nameInPath + "'.");
        }
    }

    /** Versions are ordered by creation date, so any single-line, non-blank text is a valid number. */
    static void checkVersionNumber(String field, String number) {
        if (number == null || number.isBlank()) {
            throw InvalidRequestException.of(field, "can't be blank");
        }
        if (number.contains("\n")) {
            throw InvalidRequestException.of(field, "cannot contain multiple lines");
        }
    }
}
