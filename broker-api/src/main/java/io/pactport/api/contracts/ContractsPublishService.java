package io.pactport.api.contracts;

import io.pactport.api.config.ApiConfig;
import io.pactport.api.db.Upserted;
import io.pactport.api.events.Outbox;
import io.pactport.api.http.ConflictException;
import io.pactport.api.http.ParsingPool;
import io.pactport.api.pacticipants.LookalikePacticipantException;
import io.pactport.api.pacticipants.Pacticipant;
import io.pactport.api.pacticipants.PublishedNames;
import io.pactport.api.pacts.PactPublication;
import io.pactport.api.pacts.PactPublishService;
import io.pactport.api.pacts.PactPublishService.Mode;
import io.pactport.api.pacts.PactPublishService.PactToPublish;
import io.pactport.api.versions.BranchRepository;
import io.pactport.api.versions.TagService;
import io.pactport.api.versions.Version;
import io.pactport.core.events.PactportEvent.BranchVersionAdded;
import io.pactport.core.pact.PactContent.ShaBasis;
import io.pactport.core.pact.PactDiff;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code POST /contracts/publish}: the consumer version with its build URL, branch and tags, then each contract, all
 * in one transaction; a refused contract leaves nothing behind. The notices tell the person at the CI log what
 * happened and what to set up next.
 */
@ApplicationScoped
public class ContractsPublishService {

    /** A notice for the CLI: {@code type} is debug, info, success, warning, error or prompt. */
    public record Notice(String type, String text) {}

    public record Result(
            Pacticipant pacticipant,
            Version version,
            List<String> tags,
            List<PactPublication> pacts,
            List<Notice> notices) {}

    /** A contract conflicts with what is published; the notices say which and how to proceed. */
    public static class ConflictsException extends RuntimeException {

        private final transient List<Notice> notices;

        ConflictsException(List<Notice> notices) {
            super(notices.get(0).text());
            this.notices = List.copyOf(notices);
        }

        public List<Notice> notices() {
            return notices;
        }
    }

    private final Pool pool;
    private final PactPublishService publisher;
    private final BranchRepository branches;
    private final TagService tagService;
    private final ContractsPublishRepository repository;
    private final Outbox outbox;
    private final ApiConfig config;
    private final ParsingPool parsing;
    /** A contract is hashed as sent when only the verifiable content does not decide equality, as in the Pact Broker. */
    private final ShaBasis shaBasis;

    ContractsPublishService(
            Pool pool,
            PactPublishService publisher,
            BranchRepository branches,
            TagService tagService,
            ContractsPublishRepository repository,
            Outbox outbox,
            ApiConfig config,
            ParsingPool parsing) {
        this.pool = pool;
        this.parsing = parsing;
        this.publisher = publisher;
        this.branches = branches;
        this.tagService = tagService;
        this.repository = repository;
        this.outbox = outbox;
        this.config = config;
        this.shaBasis = config.baseEqualityOnlyOnContentThatAffectsVerificationResults()
                ? ShaBasis.VERIFIABLE_CONTENT
                : ShaBasis.TEXT_AS_SENT;
    }

    /** @param baseUrl the broker's URL, which a refusal of a new pacticipant name that looks like another quotes */
    public Uni<Result> publish(
            ContractsPublishRequest request, String baseUrl, Function<PactPublication, String> pactUrl) {
        List<String> tags = request.tags() == null ? List.of() : request.tags();
        // the validator refuses null contracts and contents; here they only weigh nothing
        long bytes = request.contracts() == null
                ? 0
                : request.contracts().stream()
                        .mapToLong(c -> c == null || c.content() == null
                                ? 0
                                : c.content().length())
                        .sum();
        return parsing.run(bytes, () -> ContractsPublishValidator.validate(request, shaBasis))
                .flatMap(pacts -> pool.withTransaction(tx -> publisher
                        .pacticipant(tx, request.pacticipantName(), publishedNames(request, baseUrl))
                        .flatMap(pacticipant -> versionOf(tx, pacticipant, request)
                                .call(version -> refuseChangedContent(tx, version.value(), request, pacts))
                                .flatMap(version -> label(tx, pacticipant, version, request.branch(), tags)
                                        .flatMap(ignored -> publishEach(
                                                tx,
                                                pacticipant,
                                                version.value(),
                                                request,
                                                pacts,
                                                publishedNames(request, baseUrl),
                                                pactUrl))
                                        .map(published -> {
                                            List<Notice> notices = new ArrayList<>(ContractsPublishNotices.forVersion(
                                                    request.pacticipantName(),
                                                    request.pacticipantVersionNumber(),
                                                    version.created(),
                                                    request.branch(),
                                                    tags));
                                            notices.addAll(published.notices());
                                            return new Result(
                                                    pacticipant, version.value(), tags, published.pacts(), notices);
                                        })))))
                .onFailure(ConflictException.class)
                .transform(conflict -> new ConflictsException(List.of(new Notice("error", conflict.getMessage()))))
                .onFailure(LookalikePacticipantException.class)
                .transform(lookalike -> new ConflictsException(((LookalikePacticipantException) lookalike)
                        .messages().stream()
                                .map(message -> new Notice("error", message))
                                .toList()));
    }

    /** The consumer's name, then each provider's, as the Pact Broker checks them for lookalikes. */
    private static PublishedNames publishedNames(ContractsPublishRequest request, String baseUrl) {
        List<String> names = new ArrayList<>();
        names.add(request.pacticipantName());
        request.contracts().forEach(contract -> {
            names.add(contract.consumerName());
            names.add(contract.providerName());
        });
        return new PublishedNames(names, baseUrl);
    }

    /**
     * The Pact Broker checks every contract before writing any: each one whose consumer version already has other
     * content for the provider gets its error notice followed by an info notice showing how the content changed, and
     * the publication is refused with all of them (the transaction then writes nothing).
     */
    private Uni<Void> refuseChangedContent(
            SqlClient tx, Version version, ContractsPublishRequest request, List<PactToPublish> pacts) {
        if (config.allowDangerousContractModification()) {
            return Uni.createFrom().voidItem();
        }
        List<Notice> refusals = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < pacts.size(); i++) {
            ContractsPublishRequest.Contract contract = request.contracts().get(i);
            String sha = pacts.get(i).content().sha();
            // the diff leaves interaction ids out, so the stored form (computed on the parsing pool) serves as the text
            String json = pacts.get(i).content().withInteractionIds();
            chain = chain.chain(() -> repository
                    .publishedPact(tx, version.id(), contract.providerName())
                    .invoke(published -> published
                            .filter(existing -> !existing.sha().equals(sha))
                            .ifPresent(changed -> refusals.addAll(List.of(
                                    ContractsPublishNotices.modificationRefused(
                                            contract.consumerName(),
                                            request.pacticipantVersionNumber(),
                                            contract.providerName()),
                                    new Notice("info", PactDiff.between(changed.content(), json))))))
                    .replaceWithVoid());
        }
        return chain.invoke(() -> {
            if (!refusals.isEmpty()) {
                throw new ConflictsException(refusals);
            }
        });
    }

    private Uni<Upserted<Version>> versionOf(SqlClient tx, Pacticipant pacticipant, ContractsPublishRequest request) {
        return publisher
                .version(tx, pacticipant, request.pacticipantVersionNumber())
                .call(version -> request.buildUrl() == null
                        ? Uni.createFrom().voidItem()
                        : repository.setBuildUrl(tx, version.value().id(), request.buildUrl()));
    }

    /**
     * The branch first, then each tag through the tag rules: with no branch given, the first tag of a recent version
     * becomes its branch, as {@code pact-broker publish --tag} without {@code --branch} gets from the Pact Broker.
     */
    private Uni<Void> label(
            SqlClient tx, Pacticipant pacticipant, Upserted<Version> upserted, String branch, List<String> tags) {
        Version version = upserted.value();
        Uni<Void> branchAdded = branch == null
                ? Uni.createFrom().voidItem()
                : branches.addVersion(tx, version, branch, false)
                        .flatMap(added -> added
                                ? outbox.append(
                                        tx, new BranchVersionAdded(pacticipant.name(), branch, version.number(), false))
                                : Uni.createFrom().voidItem());
        // only the first tag of a version created here can skip looking for the version's tags and branches
        boolean untouched = upserted.created() && branch == null;
        return branchAdded.call(() -> Multi.createFrom()
                .range(0, tags.size())
                .onItem()
                .transformToUniAndConcatenate(
                        i -> tagService.tagInto(tx, pacticipant, version, tags.get(i), untouched && i == 0))
                .collect()
                .last());
    }

    private record PublishedAll(List<PactPublication> pacts, List<Notice> notices) {}

    private Uni<PublishedAll> publishEach(
            SqlClient tx,
            Pacticipant pacticipant,
            Version version,
            ContractsPublishRequest request,
            List<PactToPublish> pacts,
            PublishedNames publication,
            Function<PactPublication, String> pactUrl) {
        List<PactPublication> published = new ArrayList<>();
        List<Notice> notices = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < pacts.size(); i++) {
            ContractsPublishRequest.Contract contract = request.contracts().get(i);
            PactToPublish pact = pacts.get(i);
            Mode mode = "merge".equals(contract.onConflict()) ? Mode.MERGE_CHECKED : Mode.OVERWRITE;
            chain = chain.flatMap(ignored -> publisher
                    .publishInto(tx, pacticipant, version, contract.providerName(), pact, mode, true, publication)
                    .flatMap(result -> repository
                            .setupState(tx, pacticipant.id(), result.pact().providerId())
                            .invoke(state -> {
                                published.add(result.pact());
                                notices.addAll(ContractsPublishNotices.forPact(
                                        request.pacticipantName(),
                                        request.pacticipantVersionNumber(),
                                        "merge".equals(contract.onConflict()),
                                        result,
                                        pactUrl.apply(result.pact()),
                                        state));
                            }))
                    .replaceWithVoid());
        }
        return chain.map(ignored -> new PublishedAll(published, notices));
    }
}
