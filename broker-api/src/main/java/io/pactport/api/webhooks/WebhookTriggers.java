package io.pactport.api.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactport.api.config.ApiConfig;
import io.pactport.api.events.Outbox;
import io.pactport.api.http.BaseUrl;
import io.pactport.api.pacts.PactPublication;
import io.pactport.api.pacts.PactPublishService;
import io.pactport.api.pacts.PublicationListener;
import io.pactport.api.pacts.PublicationListener.DetectedEvent;
import io.pactport.api.pacts.PublicationListener.TriggeredWebhook;
import io.pactport.api.verifications.VerificationListener;
import io.pactport.api.webhooks.TriggeredWebhookRepository.NewTrigger;
import io.pactport.api.webhooks.WebhookRepository.ToTrigger;
import io.pactport.api.webhooks.WebhookTriggerRepository.PublishedVerification;
import io.pactport.api.webhooks.WebhookTriggerRepository.RequiredVerification;
import io.pactport.api.webhooks.WebhookTriggerRepository.ScopeChange;
import io.pactport.core.events.CloudEventJson;
import io.pactport.core.events.PactportEvent.WebhookTriggered;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Where a publication or a verification fires its webhook events, inside the write's own transaction: each matching
 * webhook gets a {@code triggered_webhooks} row, its place in the executor's schedule, and a
 * {@link WebhookTriggered} event through the outbox. Nothing is sent from here; the executor does that,
 * so a request never waits for a webhook and a trigger is committed, or lost, with its write.
 *
 * <p>The events, as the Pact Broker fires them: every publication is {@code contract_published}; one whose content
 * differs from the previous version's (per tag) is also {@code contract_content_changed}; one that provider versions on
 * the main branch, deployed or released still have to verify is also {@code contract_requiring_verification_published},
 * once per such provider version. Every verification is {@code provider_verification_published}, and
 * {@code _succeeded} or {@code _failed}, once per consumer version its selectors chose.
 */
@ApplicationScoped
public class WebhookTriggers implements PublicationListener, VerificationListener {

    /** Where the request's base URL waits for the triggers (put there by the resource layer for each request). */
    public static final String BASE_URL_KEY = "pactport.webhook.base-url";

    public static final String CONTRACT_PUBLISHED = "contract_published";
    public static final String CONTENT_CHANGED = "contract_content_changed";
    public static final String REQUIRING_VERIFICATION = "contract_requiring_verification_published";
    static final String VERIFICATION_PUBLISHED = "provider_verification_published";
    static final String VERIFICATION_SUCCEEDED = "provider_verification_succeeded";
    static final String VERIFICATION_FAILED = "provider_verification_failed";

    private final WebhookRepository webhooks;
    private final WebhookTriggerRepository questions;
    private final TriggeredWebhookRepository triggered;
    private final Outbox outbox;
    private final ApiConfig config;
    private final BaseUrl baseUrls;

    WebhookTriggers(
            WebhookRepository webhooks,
            WebhookTriggerRepository questions,
            TriggeredWebhookRepository triggered,
            Outbox outbox,
            ApiConfig config,
            BaseUrl baseUrls) {
        this.webhooks = webhooks;
        this.questions = questions;
        this.triggered = triggered;
        this.outbox = outbox;
        this.config = config;
        this.baseUrls = baseUrls;
    }

    /**
     * The events of a pact publication (any outcome: an unchanged republication is still published), in the order
     * the Pact Broker detects them, with the webhooks each triggered. {@code POST /contracts/publish} tells the
     * publisher about them whether or not a webhook listens ({@code describe}); for a {@code PUT} or {@code PATCH}
     * nobody reads them, so without a webhook to trigger they are not worked out (two queries fewer per publication).
     */
    @Override
    public Uni<List<DetectedEvent>> published(SqlClient tx, PactPublishService.Published published, boolean describe) {
        PactPublication pact = published.pact();
        return webhooks.toTrigger(
                        tx,
                        pact.consumerId(),
                        pact.providerId(),
                        List.of(CONTRACT_PUBLISHED, CONTENT_CHANGED, REQUIRING_VERIFICATION))
                .flatMap(found -> {
                    if (found.isEmpty() && !describe) {
                        return Uni.createFrom().item(List.<DetectedEvent>of());
                    }
                    return changes(tx, published)
                            .flatMap(changes -> questions
                                    .requiredVerifications(tx, pact.providerId(), pact.pactVersionId())
                                    .flatMap(required -> {
                                        List<DetectedEvent> detected =
                                                PublicationEvents.detect(published, changes, !required.isEmpty());
                                        if (found.isEmpty()) {
                                            return Uni.createFrom().item(detected);
                                        }
                                        return questions
                                                .mainBranchVerification(tx, pact.pactVersionId())
                                                .flatMap(verification -> questions
                                                        .buildUrl(tx, pact.consumerVersionId())
                                                        .flatMap(buildUrl -> contractTriggers(
                                                                tx,
                                                                pact,
                                                                found,
                                                                detected,
                                                                required,
                                                                verification.orElse(null),
                                                                buildUrl.orElse(null))));
                                    }));
                });
    }

    /** The comparison with previous pacts per tag, which only a new publication needs. */
    private Uni<List<ScopeChange>> changes(SqlClient tx, PactPublishService.Published published) {
        return published.outcome() == PactPublishService.Outcome.CREATED
                ? questions.contentChanges(tx, published.pact().id())
                : Uni.createFrom().item(List.of());
    }

    private Uni<List<DetectedEvent>> contractTriggers(
            SqlClient tx,
            PactPublication pact,
            List<ToTrigger> found,
            List<DetectedEvent> detected,
            List<RequiredVerification> requiredVerifications,
            Long mainBranchVerification,
            String buildUrl) {
        return questions.tags(tx, pact.consumerVersionId()).flatMap(tags -> {
            List<NewTrigger> triggers = new ArrayList<>();
            List<DetectedEvent> withTriggers = new ArrayList<>();
            String baseUrl = baseUrl();
            for (DetectedEvent event : detected) {
                List<TriggeredWebhook> triggered = new ArrayList<>();
                for (ToTrigger t : found) {
                    if (!t.eventName().equals(event.name())) {
                        continue;
                    }
                    if (t.eventName().equals(REQUIRING_VERIFICATION)) {
                        for (RequiredVerification rv : requiredVerifications) {
                            ObjectNode context = contractContext(t.eventName(), tags, buildUrl);
                            context.put("provider_version_number", rv.providerVersionNumber());
                            context.put("provider_version_branch", rv.branch());
                            ArrayNode descriptions = context.putArray("provider_version_descriptions");
                            rv.descriptions().forEach(descriptions::add);
                            triggers.add(trigger(t, pact.id(), pact.consumerId(), pact.providerId(), null, context));
                            triggered.add(triggered(triggers, t, baseUrl));
                        }
                        continue;
                    }
                    triggers.add(trigger(
                            t,
                            pact.id(),
                            pact.consumerId(),
                            pact.providerId(),
                            mainBranchVerification,
                            contractContext(t.eventName(), tags, buildUrl)));
                    triggered.add(triggered(triggers, t, baseUrl));
                }
                withTriggers.add(new DetectedEvent(event.name(), event.comment(), List.copyOf(triggered)));
            }
            return record(tx, triggers, pact.consumerName(), pact.providerName())
                    .replaceWith(withTriggers);
        });
    }

    private static TriggeredWebhook triggered(List<NewTrigger> triggers, ToTrigger t, String baseUrl) {
        return new TriggeredWebhook(
                triggers.get(triggers.size() - 1).uuid(), t.webhookUuid(), t.description(), baseUrl);
    }

    private ObjectNode contractContext(String eventName, List<String> tags, String buildUrl) {
        ObjectNode context = CloudEventJson.mapper().createObjectNode();
        ArrayNode tagNodes = context.putArray("consumer_version_tags");
        tags.forEach(tagNodes::add);
        if (buildUrl != null) {
            context.put("build_url", buildUrl);
        }
        context.put("base_url", baseUrl());
        context.put("event_name", eventName);
        return context;
    }

    /** The events of a verification result, one per consumer version its pact's selectors named. */
    @Override
    public Uni<Void> verificationPublished(SqlClient tx, long verificationId) {
        return questions
                .verification(tx, verificationId)
                .flatMap(v -> webhooks.toTrigger(
                                tx,
                                v.consumerId(),
                                v.providerId(),
                                List.of(
                                        VERIFICATION_PUBLISHED,
                                        v.success() ? VERIFICATION_SUCCEEDED : VERIFICATION_FAILED))
                        .flatMap(found ->
                                found.isEmpty() ? Uni.createFrom().voidItem() : verificationTriggers(tx, v, found)));
    }

    private Uni<Void> verificationTriggers(SqlClient tx, PublishedVerification v, List<ToTrigger> found) {
        List<ObjectNode> contexts = verificationContexts(v);
        Uni<List<Long>> pacts = Uni.createFrom().item(new ArrayList<>());
        for (ObjectNode context : contexts) {
            JsonNode number = context.get("consumer_version_number");
            pacts = pacts.flatMap(list -> (number == null
                            ? Uni.createFrom().item(Optional.<Long>empty())
                            : questions.pactForConsumerVersion(tx, v.consumerId(), v.providerId(), number.asText()))
                    .map(pact -> {
                        list.add(pact.orElse(v.pactPublicationId()));
                        return list;
                    }));
        }
        return pacts.flatMap(pactIds -> questions
                .names(tx, v.consumerId(), v.providerId())
                .flatMap(names -> {
                    List<NewTrigger> triggers = new ArrayList<>();
                    for (ToTrigger t : found) {
                        for (int i = 0; i < contexts.size(); i++) {
                            ObjectNode context = contexts.get(i).deepCopy();
                            context.put("event_name", t.eventName());
                            triggers.add(trigger(t, pactIds.get(i), v.consumerId(), v.providerId(), v.id(), context));
                        }
                    }
                    return record(tx, triggers, names.get(0), names.get(1));
                }));
    }

    /**
     * One context per consumer version the selectors chose, with that version's selector tags; one without a version
     * when the verification came without selectors (its pact is then the content's newest publication).
     */
    private List<ObjectNode> verificationContexts(PublishedVerification v) {
        Map<String, Set<String>> tagsByVersion = new LinkedHashMap<>();
        if (v.selectorHashes() != null) {
            try {
                for (JsonNode selector : CloudEventJson.mapper().readTree(v.selectorHashes())) {
                    JsonNode number = selector.get("consumer_version_number");
                    if (number != null && !number.isNull()) {
                        Set<String> tags = tagsByVersion.computeIfAbsent(number.asText(), n -> new LinkedHashSet<>());
                        if (selector.hasNonNull("tag")) {
                            tags.add(selector.get("tag").asText());
                        }
                    }
                }
            } catch (Exception unreadable) {
                tagsByVersion.clear();
            }
        }
        List<ObjectNode> contexts = new ArrayList<>();
        if (tagsByVersion.isEmpty()) {
            contexts.add(verificationContext(v));
        }
        tagsByVersion.forEach((number, tags) -> {
            ObjectNode context = verificationContext(v);
            context.put("consumer_version_number", number);
            ArrayNode tagNodes = context.putArray("consumer_version_tags");
            tags.forEach(tagNodes::add);
            contexts.add(context);
        });
        return contexts;
    }

    private ObjectNode verificationContext(PublishedVerification v) {
        ObjectNode context = CloudEventJson.mapper().createObjectNode();
        ArrayNode tags = context.putArray("provider_version_tags");
        v.providerVersionTags().forEach(tags::add);
        context.put("base_url", baseUrl());
        return context;
    }

    private static NewTrigger trigger(
            ToTrigger t,
            long pactPublicationId,
            long consumerId,
            long providerId,
            Long verificationId,
            ObjectNode context) {
        return new NewTrigger(
                UUID.randomUUID().toString(),
                pactPublicationId,
                t.webhookId(),
                t.webhookUuid(),
                consumerId,
                providerId,
                verificationId,
                t.eventName(),
                context.toString());
    }

    private Uni<Void> record(SqlClient tx, List<NewTrigger> triggers, String consumer, String provider) {
        double unclaimedAfter = config.webhook().unclaimedAfter().toMillis() / 1000.0;
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (NewTrigger t : triggers) {
            chain = chain.chain(() -> triggered.insert(tx, t, unclaimedAfter))
                    .chain(() -> outbox.append(
                            tx,
                            new WebhookTriggered(
                                    t.uuid(),
                                    t.webhookUuid(),
                                    t.eventName(),
                                    consumer,
                                    provider,
                                    t.pactPublicationId(),
                                    t.verificationId())));
        }
        return chain;
    }

    /** The base URL of the request that fired the event, else the configured one. */
    private String baseUrl() {
        Optional<String> fromRequest =
                VertxContext.isOnDuplicatedContext() ? ContextLocals.get(BASE_URL_KEY) : Optional.empty();
        return fromRequest.or(baseUrls::configured).orElse("http://localhost:9292");
    }
}
