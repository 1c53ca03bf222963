package io.pactport.api.pactsforverification;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactport.api.db.GenericPlans;
import io.pactport.api.http.NotFoundException;
import io.pactport.api.pactsforverification.PactsForVerificationRepository.ConsumerOfProvider;
import io.pactport.api.pactsforverification.PactsForVerificationRepository.PendingFact;
import io.pactport.api.pactsforverification.PactsForVerificationRepository.SelectedRow;
import io.pactport.api.pactsforverification.PactsForVerificationRepository.WipRow;
import io.pactport.core.errors.InvalidRequestException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Pacts for verification: the pacts the consumer version selectors (or the defaults) choose, one per content, with
 * their pending status for the provider branch or tags, followed by the work-in-progress pacts. Reads only, outside
 * any transaction: at most five statements per request whatever the number of selectors or pacts, the WIP one
 * alongside the others.
 */
@ApplicationScoped
public class PactsForVerificationService {

    /** The Pact Broker's default ({@code PACT_BROKER_VERIFIED_BY_OTHER_BRANCH_LOOKBACK_DAYS}) for WIP by branch. */
    static final Duration VERIFIED_LOOK_BACK = Duration.ofDays(30);

    /** The result, and the request as understood (the response depends on its pending and GET flags). */
    public record Result(PactsForVerificationRequest request, List<VerifiablePact> pacts) {}

    private final Pool pool;
    private final PactsForVerificationRepository repository;
    private final Clock clock;

    PactsForVerificationService(Pool pool, PactsForVerificationRepository repository, Clock clock) {
        this.pool = pool;
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * @param query the JSON body, or the GET query string as JSON
     * @throws InvalidRequestException (in the Uni) when the query breaks the Pact Broker's rules (checked first, as
     *         there)
     * @throws NotFoundException (in the Uni) when the provider is unknown
     */
    public Uni<Result> find(String provider, JsonNode query, boolean deprecated) {
        Set<String> environments = PactsForVerificationRequest.environmentNames(query);
        return repository.providerAndEnvironments(pool, provider, environments).flatMap(found -> {
            PactsForVerificationRequest request =
                    PactsForVerificationRequest.parse(query, found.environments()::contains, deprecated);
            if (found.providerId() == null) {
                throw new NotFoundException("No provider with name '" + provider + "' found");
            }
            long providerId = found.providerId();
            Uni<List<ConsumerVersionSelector>> selectors = request.selectors().isEmpty()
                    ? repository.consumers(pool, providerId).map(PactsForVerificationService::defaultSelectors)
                    : Uni.createFrom().item(request.selectors());
            Uni<List<VerifiablePact>> explicit = selectors
                    .flatMap(chosen -> repository
                            .select(pool, providerId, chosen)
                            .map(rows -> explicitPacts(chosen, rows, provider)))
                    .flatMap(pacts -> withPending(providerId, request, pacts));
            // the WIP statement does not depend on what the selectors chose (that is left out afterwards), so it runs
            // on its own connection at the same time
            return Uni.combine()
                    .all()
                    .unis(explicit, wipRows(providerId, request))
                    .asTuple()
                    .map(both -> {
                        List<VerifiablePact> all = new ArrayList<>(both.getItem1());
                        all.addAll(wipPacts(
                                both.getItem2(),
                                both.getItem1(),
                                provider,
                                request.providerVersionBranch(),
                                request.providerVersionTags()));
                        return new Result(request, List.copyOf(all));
                    });
        });
    }

    /**
     * Per consumer, its main branch's latest version (else the latest tagged with the main branch's name, else its
     * latest); and every version currently deployed or released.
     */
    static List<ConsumerVersionSelector> defaultSelectors(List<ConsumerOfProvider> consumers) {
        List<ConsumerVersionSelector> selectors = new ArrayList<>();
        for (ConsumerOfProvider consumer : consumers) {
            if (consumer.mainBranch() != null && consumer.hasMainBranchVersion()) {
                selectors.add(ConsumerVersionSelector.mainBranchOf(consumer.name()));
            } else if (consumer.mainBranch() != null && consumer.hasMainBranchTag()) {
                selectors.add(ConsumerVersionSelector.latestForTag(consumer.mainBranch(), consumer.name()));
            } else {
                selectors.add(ConsumerVersionSelector.overallLatest(consumer.name()));
            }
        }
        selectors.add(ConsumerVersionSelector.currentlyDeployed());
        selectors.add(ConsumerVersionSelector.currentlySupported());
        return selectors;
    }

    /**
     * One pact per consumer and content, carrying every selector that chose it; a fallback counts only when no pact at
     * all was found for the selector's own tag or branch (as the Pact Broker decides it, across consumers).
     */
    static List<VerifiablePact> explicitPacts(
            List<ConsumerVersionSelector> selectors, List<SelectedRow> rows, String provider) {
        List<VerifiablePact> chosen = new ArrayList<>();
        List<ConsumerVersionSelector> direct = new ArrayList<>();
        for (SelectedRow row : rows) {
            if (!row.fallback()) {
                ConsumerVersionSelector selector = selectors.get(row.selector()).withoutFallbacks();
                direct.add(selector);
                chosen.add(pactOf(row, selector, provider));
            }
        }
        for (SelectedRow row : rows) {
            ConsumerVersionSelector selector = selectors.get(row.selector());
            if (row.fallback()
                    && (selector.fallbackTag() != null
                            ? direct.stream().noneMatch(s -> s.latestForTag(selector.tag()))
                            : direct.stream().noneMatch(s -> s.latestForBranch(selector.branch())))) {
                chosen.add(pactOf(row, selector, provider));
            }
        }
        return merge(chosen).stream()
                .map(VerifiablePact::withSortedSelectors)
                .sorted(VerifiablePact.ORDER)
                .toList();
    }

    private static VerifiablePact pactOf(SelectedRow row, ConsumerVersionSelector selector, String provider) {
        ResolvedSelector resolved = new ResolvedSelector(
                selector,
                row.consumerVersionId(),
                row.consumerVersionNumber(),
                row.consumerVersionOrder(),
                row.environmentName(),
                row.production(),
                row.target(),
                row.headBranch());
        return new VerifiablePact(
                row.consumerId(),
                row.consumerName(),
                row.consumerMainBranch(),
                provider,
                row.pactVersionId(),
                row.sha(),
                row.consumerVersionId(),
                row.consumerVersionNumber(),
                row.consumerVersionOrder(),
                List.of(resolved),
                null,
                List.of(),
                List.of(),
                null,
                false);
    }

    /** Same consumer, same content: one pact to verify. */
    private static List<VerifiablePact> merge(List<VerifiablePact> pacts) {
        Map<String, VerifiablePact> merged = new LinkedHashMap<>();
        for (VerifiablePact pact : pacts) {
            merged.merge(pact.consumerName() + "\n" + pact.sha(), pact, VerifiablePact::merge);
        }
        return new ArrayList<>(merged.values());
    }

    private Uni<List<VerifiablePact>> withPending(
            long providerId, PactsForVerificationRequest request, List<VerifiablePact> pacts) {
        if (!request.includePendingStatus() || pacts.isEmpty()) {
            return Uni.createFrom().item(pacts);
        }
        String branch = request.providerVersionBranch();
        List<String> tags = request.providerVersionTags();
        List<Long> ids =
                pacts.stream().map(VerifiablePact::pactVersionId).distinct().toList();
        return repository.pending(pool, providerId, ids, branch, tags).map(facts -> {
            Map<Long, PendingFact> byId =
                    facts.stream().collect(Collectors.toMap(PendingFact::pactVersionId, Function.identity()));
            return pacts.stream()
                    .map(pact -> {
                        PendingFact fact = byId.get(pact.pactVersionId());
                        if (branch == null && !tags.isEmpty()) {
                            List<String> pendingTags = fact.pendingTags();
                            List<String> nonPendingTags = tags.stream()
                                    .filter(tag -> !pendingTags.contains(tag))
                                    .toList();
                            return pact.withPending(!pendingTags.isEmpty(), pendingTags, nonPendingTags, null);
                        }
                        return pact.withPending(fact.pending(), List.of(), tags, branch);
                    })
                    .toList();
        });
    }

    /**
     * The WIP candidates: heads of consumer branches and tags published since the given date that are still pending for
     * the provider branch (or, without one, for each provider tag); {@link #wipPacts} leaves out what a selector chose.
     */
    private Uni<List<WipRow>> wipRows(long providerId, PactsForVerificationRequest request) {
        String branch = request.providerVersionBranch();
        List<String> tags = request.providerVersionTags();
        if (request.includeWipPactsSince() == null || (branch == null && tags.isEmpty())) {
            return Uni.createFrom().item(List.of());
        }
        LocalDateTime lookBack = LocalDateTime.now(clock).minus(VERIFIED_LOOK_BACK);
        return GenericPlans.inTransaction(
                pool, c -> repository.wip(c, providerId, request.includeWipPactsSince(), branch, tags, lookBack));
    }

    static List<VerifiablePact> wipPacts(
            List<WipRow> rows, List<VerifiablePact> explicit, String provider, String branch, List<String> tags) {
        // the Pact Broker lists consumer tag heads before consumer branch heads when it goes by provider tags, and the
        // other way round for a provider branch; the order shows in a merged pact's selectors
        Comparator<WipRow> order = branch != null
                ? Comparator.comparing((WipRow row) -> row.branchName() == null)
                : Comparator.comparing((WipRow row) -> row.tagName() == null)
                        .thenComparing(row -> tags.indexOf(row.providerTag()));
        List<VerifiablePact> wip = new ArrayList<>();
        rows.stream()
                .sorted(order)
                .filter(row -> explicit.stream()
                        .noneMatch(pact -> pact.consumerId() == row.consumerId()
                                && pact.sha().equals(row.sha())))
                .forEach(row -> {
                    ConsumerVersionSelector selector = row.tagName() != null
                            ? ConsumerVersionSelector.latestForTag(row.tagName(), null)
                            : ConsumerVersionSelector.latestForBranch(row.branchName(), null);
                    ResolvedSelector resolved = ResolvedSelector.of(
                            selector, row.consumerVersionId(), row.consumerVersionNumber(), row.consumerVersionOrder());
                    wip.add(new VerifiablePact(
                            row.consumerId(),
                            row.consumerName(),
                            row.consumerMainBranch(),
                            provider,
                            row.pactVersionId(),
                            row.sha(),
                            row.consumerVersionId(),
                            row.consumerVersionNumber(),
                            row.consumerVersionOrder(),
                            List.of(resolved),
                            true,
                            branch == null ? List.of(row.providerTag()) : List.of(),
                            List.of(),
                            branch,
                            true));
                });
        return merge(wip).stream()
                .sorted(Comparator.comparing(VerifiablePact::consumerName)
                        .thenComparingLong(VerifiablePact::consumerVersionOrder))
                .toList();
    }
}
