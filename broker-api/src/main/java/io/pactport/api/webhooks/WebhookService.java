package io.pactport.api.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactport.api.config.ApiConfig;
import io.pactport.api.db.Upserted;
import io.pactport.api.http.NotFoundException;
import io.pactport.api.http.RequestErrors;
import io.pactport.api.pacticipants.Pacticipant;
import io.pactport.api.pacticipants.PacticipantRepository;
import io.pactport.core.errors.InvalidRequestException;
import io.pactport.core.events.CloudEventJson;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Webhooks: creating, replacing, reading and deleting them in every form the Pact Broker accepts (scoped by the URL's
 * consumer and provider, or by the body's names or labels, or global), running one now to test it, and reading what
 * their triggers did.
 */
@ApplicationScoped
public class WebhookService {

    private static final Pattern UUID_FORM = Pattern.compile("^[A-Za-z0-9_\\-]{16,}$");
    private static final Pattern ONLY_STARS = Pattern.compile("^\\**$");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The URL's consumer and provider names; null where the URL names none. */
    public record Scope(String consumer, String provider) {

        public static final Scope NONE = new Scope(null, null);
    }

    /** A triggered webhook with its attempts. */
    public record TriggeredWebhookLogs(TriggeredWebhook triggered, List<WebhookExecution> executions) {}

    /** A webhook with its newest triggered run (null when it never ran). */
    public record WebhookWithLastRun(Webhook webhook, TriggeredWebhook lastRun) {}

    /** An integration's latest triggered webhooks, for the status resource. */
    public record Status(Pacticipant consumer, Pacticipant provider, List<TriggeredWebhook> latest) {}

    private final Pool pool;
    private final WebhookRepository webhooks;
    private final TriggeredWebhookRepository triggered;
    private final PacticipantRepository pacticipants;
    private final WebhookTriggerRepository questions;
    private final WebhookRunner runner;
    private final int retries;

    WebhookService(
            Pool pool,
            WebhookRepository webhooks,
            TriggeredWebhookRepository triggered,
            PacticipantRepository pacticipants,
            WebhookTriggerRepository questions,
            WebhookRunner runner,
            ApiConfig config) {
        this.pool = pool;
        this.webhooks = webhooks;
        this.triggered = triggered;
        this.pacticipants = pacticipants;
        this.questions = questions;
        this.runner = runner;
        this.retries = ApiConfig.words(config.webhook().retrySchedule()).size();
    }

    /** A new webhook's uuid, as the Pact Broker makes one: 16 random bytes, URL-safe Base64. */
    public static String nextUuid() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether responses of webhooks are shown: only with a host whitelist, as in the Pact Broker. */
    public boolean showsResponses() {
        return runner.allowList().hasHostWhitelist();
    }

    /** The retries after a first attempt, for {@link TriggeredWebhook#attemptsRemaining}. */
    public int retries() {
        return retries;
    }

    /**
     * Creates a webhook. A consumer or provider named in the URL must exist (404); one named in the body must too
     * (400, on its field).
     */
    public Uni<Webhook> create(Scope scope, JsonNode body) {
        WebhookInput input = WebhookInput.parse(body, runner.allowList());
        return pool.withTransaction(
                tx -> fields(tx, nextUuid(), scope, input).flatMap(fields -> webhooks.insert(tx, fields)));
    }

    /** {@code PUT /webhooks/{uuid}}: creates the webhook with this uuid, or replaces it keeping masked secrets. */
    public Uni<Upserted<Webhook>> put(String uuid, JsonNode body) {
        if (!UUID_FORM.matcher(uuid).matches()) {
            throw InvalidRequestException.of(
                    "uuid",
                    "The UUID can only contain the characters A-Z, a-z, 0-9, _ and"
                            + " -, and must be 16 or more characters.");
        }
        new RequestErrors().notTooLong("uuid", uuid).throwIfAny();
        WebhookInput input = WebhookInput.parse(body, runner.allowList());
        return pool.withTransaction(tx -> webhooks.find(tx, uuid)
                .flatMap(existing -> fields(
                                tx,
                                uuid,
                                Scope.NONE,
                                existing.map(e -> keepMaskedSecrets(e, input, body))
                                        .orElse(input))
                        .flatMap(fields -> existing.isPresent()
                                ? webhooks.update(tx, existing.get().id(), fields)
                                        .map(w -> new Upserted<>(w, false))
                                : webhooks.insert(tx, fields).map(w -> new Upserted<>(w, true)))));
    }

    public Uni<Webhook> find(String uuid) {
        return webhooks.find(pool, uuid).map(found -> found.orElseThrow(() -> notFound(uuid)));
    }

    /** The webhooks with exactly the URL's consumer and provider; every webhook when the URL names neither. */
    public Uni<List<Webhook>> list(Scope scope) {
        if (scope.consumer() == null && scope.provider() == null) {
            return webhooks.list(pool);
        }
        return pacticipantIn(pool, scope.consumer())
                .flatMap(consumer -> pacticipantIn(pool, scope.provider())
                        .flatMap(provider -> webhooks.listFor(
                                pool,
                                consumer.map(Pacticipant::id).orElse(null),
                                provider.map(Pacticipant::id).orElse(null))));
    }

    /** Every webhook with its newest run, for the UI's list. */
    public Uni<List<WebhookWithLastRun>> listWithLastRuns() {
        return webhooks.list(pool)
                .flatMap(all -> triggered
                        .latestPerWebhook(pool)
                        .map(latest -> all.stream()
                                .map(w -> new WebhookWithLastRun(w, latest.get(w.id())))
                                .toList()));
    }

    /** The webhook's newest triggered runs with their attempts, newest first (none for an unknown uuid). */
    public Uni<List<TriggeredWebhookLogs>> history(String uuid, int limit) {
        return triggered
                .recentForWebhook(pool, uuid, limit)
                .flatMap(runs -> runs.isEmpty()
                        ? Uni.createFrom().item(List.<TriggeredWebhookLogs>of())
                        : triggered
                                .executionsOf(
                                        pool,
                                        runs.stream().map(TriggeredWebhook::id).toList())
                                .map(attempts -> runs.stream()
                                        .map(t -> new TriggeredWebhookLogs(t, attempts.getOrDefault(t.id(), List.of())))
                                        .toList()));
    }

    /** Turns the webhook on or off, as a PUT of it with only {@code enabled} changed would. */
    public Uni<Webhook> setEnabled(String uuid, boolean enabled) {
        return pool.withTransaction(tx -> webhooks.find(tx, uuid)
                .flatMap(found -> webhooks.setEnabled(
                        tx, found.orElseThrow(() -> notFound(uuid)).id(), enabled)));
    }

    /** Deletes the webhook; what it triggered stays, with the webhook's uuid only. */
    public Uni<Void> delete(String uuid) {
        return pool.withTransaction(tx -> webhooks.find(tx, uuid)
                .flatMap(found -> webhooks.delete(
                        tx, found.orElseThrow(() -> notFound(uuid)).id())));
    }

    /**
     * Runs the webhook now with the newest matching pact (and its content's newest verification when the webhook is
     * about verifications), as the Pact Broker's test execution does; nothing is recorded.
     */
    public Uni<WebhookRunner.Outcome> execute(String uuid, String baseUrl) {
        return find(uuid).flatMap(webhook -> run(webhook, baseUrl));
    }

    /** {@code POST /webhooks/execute}: a webhook as sent, validated like a new one, run without being saved. */
    public Uni<WebhookRunner.Outcome> executeUnsaved(JsonNode body, String baseUrl) {
        WebhookInput input = WebhookInput.parse(body, runner.allowList());
        return fields(pool, null, Scope.NONE, input)
                .flatMap(f -> questions
                        .names(pool, f.consumerId(), f.providerId())
                        .flatMap(names -> run(
                                Webhook.unsaved(
                                        input.description(),
                                        side(f.consumerId(), names.get(0), f.consumerLabel()),
                                        side(f.providerId(), names.get(1), f.providerLabel()),
                                        input.request(),
                                        input.events()),
                                baseUrl)));
    }

    private Uni<WebhookRunner.Outcome> run(Webhook webhook, String baseUrl) {
        return facts(webhook).flatMap(facts -> {
            ObjectNode context = CloudEventJson.mapper()
                    .createObjectNode()
                    .put("event_name", "test")
                    .put("base_url", baseUrl);
            return runner.run(
                    webhook.uuid(),
                    webhook.request(),
                    WebhookParameters.of(facts, context, baseUrl),
                    context.toString(),
                    baseUrl,
                    success -> success ? "Successfully executed webhook" : "Webhook execution failed");
        });
    }

    private static io.pactport.api.webhooks.WebhookPacticipant side(Long id, String name, String label) {
        return id != null
                ? io.pactport.api.webhooks.WebhookPacticipant.named(id, name)
                : label != null ? io.pactport.api.webhooks.WebhookPacticipant.labelled(label) : null;
    }

    public Uni<TriggeredWebhookLogs> logs(String triggeredUuid) {
        return triggered.find(pool, triggeredUuid).flatMap(found -> {
            TriggeredWebhook t =
                    found.orElseThrow(() -> new NotFoundException("No triggered webhook with uuid " + triggeredUuid));
            return triggered.executions(pool, t.id()).map(executions -> new TriggeredWebhookLogs(t, executions));
        });
    }

    public Uni<List<TriggeredWebhook>> forPact(String provider, String consumer, String version) {
        return triggered.forPact(pool, consumer, provider, version);
    }

    public Uni<List<TriggeredWebhook>> forVerification(String provider, String consumer, String sha, String number) {
        if (!number.matches("\\d{1,9}")) {
            return Uni.createFrom().failure(new NotFoundException("No verification result " + number));
        }
        return triggered.forVerification(pool, consumer, provider, sha, Integer.parseInt(number));
    }

    public Uni<Status> status(String provider, String consumer) {
        return pacticipantIn(pool, consumer)
                .flatMap(c -> pacticipantIn(pool, provider)
                        .flatMap(p -> triggered
                                .latestForIntegration(
                                        pool,
                                        c.orElseThrow().id(),
                                        p.orElseThrow().id())
                                .map(latest -> new Status(c.get(), p.get(), latest))));
    }

    private Uni<WebhookFacts> facts(Webhook webhook) {
        Long consumerId = webhook.consumer() == null ? null : webhook.consumer().id();
        Long providerId = webhook.provider() == null ? null : webhook.provider().id();
        return webhooks.latestPact(pool, consumerId, providerId)
                .flatMap(pact -> pact.isEmpty()
                        ? Uni.createFrom()
                                .item(WebhookFacts.none(
                                        webhook.consumer() == null
                                                ? null
                                                : webhook.consumer().name(),
                                        webhook.provider() == null
                                                ? null
                                                : webhook.provider().name()))
                        // the content's newest verification, as the Pact Broker's parameters fall back to
                        : triggered.facts(pool, pact.get(), null));
    }

    /** The row to write: URL names win over the body's for their side, as in the Pact Broker. */
    private Uni<WebhookRepository.Fields> fields(SqlClient tx, String uuid, Scope scope, WebhookInput input) {
        return side(tx, "consumer", scope.consumer(), input.consumer())
                .flatMap(consumer -> side(tx, "provider", scope.provider(), input.provider())
                        .map(provider -> {
                            RequestErrors errors = new RequestErrors();
                            consumer.error().ifPresent(e -> errors.add("consumer.name", e));
                            provider.error().ifPresent(e -> errors.add("provider.name", e));
                            errors.throwIfAny();
                            return new WebhookRepository.Fields(
                                    uuid,
                                    consumer.id(),
                                    provider.id(),
                                    consumer.label(),
                                    provider.label(),
                                    input.enabled() == null || input.enabled(),
                                    input.description(),
                                    input.request(),
                                    input.events());
                        }));
    }

    /** A side as the row keeps it (a pacticipant's id, or a label, or neither: any), or why it cannot be kept. */
    private record ResolvedSide(Long id, String label, Optional<String> error) {

        static final ResolvedSide ANY = new ResolvedSide(null, null, Optional.empty());

        static ResolvedSide pacticipant(long id) {
            return new ResolvedSide(id, null, Optional.empty());
        }

        static ResolvedSide labelled(String label) {
            return new ResolvedSide(null, label, Optional.empty());
        }

        static ResolvedSide refused(String error) {
            return new ResolvedSide(null, null, Optional.of(error));
        }
    }

    private Uni<ResolvedSide> side(SqlClient tx, String role, String inPath, WebhookInput.Side inBody) {
        if (inPath != null) {
            return pacticipants
                    .findByName(tx, inPath)
                    .map(found -> ResolvedSide.pacticipant(found.orElseThrow(
                                    () -> new NotFoundException("No " + role + " with name '" + inPath + "' found"))
                            .id()));
        }
        if (inBody == null) {
            return Uni.createFrom().item(ResolvedSide.ANY);
        }
        if (inBody.label() != null) {
            return Uni.createFrom().item(ResolvedSide.labelled(inBody.label()));
        }
        return pacticipants
                .findByName(tx, inBody.name())
                .map(found -> found.map(p -> ResolvedSide.pacticipant(p.id()))
                        .orElse(ResolvedSide.refused("does not match an existing pacticipant")));
    }

    /**
     * A replacement that leaves the password out, or sends it (or a header's value) as stars, keeps the stored one:
     * clients send back what they read, and they read it masked.
     */
    private static WebhookInput keepMaskedSecrets(Webhook existing, WebhookInput input, JsonNode body) {
        WebhookRequest sent = input.request();
        WebhookRequest stored = existing.request();
        boolean passwordSent = body.path("request").has("password");
        String password = stored.password() != null
                        && (!passwordSent
                                || sent.password() == null
                                || ONLY_STARS.matcher(sent.password()).matches())
                ? stored.password()
                : sent.password();
        Map<String, String> headers = new LinkedHashMap<>(sent.headers());
        sent.headers().forEach((name, value) -> {
            if (ONLY_STARS.matcher(value).matches() && stored.headers().containsKey(name)) {
                headers.put(name, stored.headers().get(name));
            }
        });
        return new WebhookInput(
                input.description(),
                input.consumer(),
                input.provider(),
                input.enabled(),
                new WebhookRequest(
                        sent.method(), sent.url(), headers, sent.body(), sent.jsonBody(), sent.username(), password),
                input.events());
    }

    private Uni<Optional<Pacticipant>> pacticipantIn(SqlClient sql, String name) {
        if (name == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return pacticipants.findByName(sql, name).map(found -> {
            if (found.isEmpty()) {
                throw new NotFoundException("No pacticipant with name '" + name + "' found");
            }
            return found;
        });
    }

    private static NotFoundException notFound(String uuid) {
        return new NotFoundException("No webhook with uuid " + uuid + " found");
    }
}
