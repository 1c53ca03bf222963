package io.pactport.api.service;

import io.pactport.api.messaging.Outbox;
import io.pactport.api.model.PactPublication;
import io.pactport.api.model.Pacticipant;
import io.pactport.api.model.Version;
import io.pactport.api.repository.BranchRepository;
import io.pactport.api.repository.ContractsPublishRepository;
import io.pactport.api.repository.TagRepository;
import io.pactport.api.service.PactPublishService.Mode;
import io.pactport.api.service.PactPublishService.PactToPublish;
import io.pactport.api.model.Upserted;
import io.pactport.core.events.EventType;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code POST /contracts/publish}: the consumer version with its build URL, branch and tags, then each contract, all
 * in one transaction; a refused contract leaves nothing behind. The notices tell the person at the CI log what
 * happened and what to set up next.
 */
@ApplicationScoped
public class ContractsPublishService {

    /** A notice for the CLI: {@code type} is debug, info, success, warning, error or prompt. */
    public record Notice(String type, String text) {
    }

    public record Result(Pacticipant pacticipant, Version version, List<String> tags, List<PactPublication> pacts,
            List<Notice> notices) {
    }

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
    private final TagRepository tagRepository;
    private final ContractsPublishRepository repository;
    private final Outbox outbox;
    private final ParsingPool parsing;

    ContractsPublishService(Pool pool, PactPublishService publisher, BranchRepository branches,
            TagRepository tagRepository, ContractsPublishRepository repository, Outbox outbox, ParsingPool parsing) {
        this.pool = pool;
        this.parsing = parsing;
        this.publisher = publisher;
        this.branches = branches;
        this.tagRepository = tagRepository;
        this.repository = repository;
        this.outbox = outbox;
    }

    public Uni<Result> publish(ContractsPublishRequest request, Function<PactPublication, String> pactUrl) {
        List<String> tags = request.tags() == null ? List.of() : request.tags();
        return parsing.run(() -> ContractsPublishValidator.validate(request)).flatMap(pacts -> pool
                .withTransaction(tx -> publisher.pacticipant(tx, request.pacticipantName())
                .flatMap(pacticipant -> versionOf(tx, pacticipant, request)
                        .flatMap(version -> label(tx, pacticipant, version.value(), request.branch(), tags)
                                .flatMap(ignored -> publishEach(tx, pacticipant, version.value(), request, pacts,
                                        pactUrl))
                                .map(published -> {
                                    List<Notice> notices = new ArrayList<>(ContractsPublishNotices.forVersion(
                                            pacticipant.name(), version, request.branch(), tags));
                                    notices.addAll(published.notices());
                                    return new Result(pacticipant, version.value(), tags, published.pacts(),
                                            notices);
                                })))))
                .onFailure(ConflictException.class)
                .transform(conflict -> new ConflictsException(List.of(new Notice("error", conflict.getMessage()))));
    }

    private Uni<Upserted<Version>> versionOf(SqlClient tx, Pacticipant pacticipant,
            ContractsPublishRequest request) {
        return publisher.version(tx, pacticipant, request.pacticipantVersionNumber())
                .call(version -> request.buildUrl() == null ? Uni.createFrom().voidItem()
                        : repository.setBuildUrl(tx, version.value().id(), request.buildUrl()));
    }

    private Uni<Void> label(SqlClient tx, Pacticipant pacticipant, Version version, String branch, List<String> tags) {
        Uni<Void> branchAdded = branch == null ? Uni.createFrom().voidItem()
                : branches.addVersion(tx, version, branch, false).flatMap(added -> added
                        ? outbox.append(tx, EventType.BRANCH_VERSION_ADDED, pacticipant.name(), Map.of(
                                "pacticipant", pacticipant.name(), "branch", branch, "version", version.number()))
                        : Uni.createFrom().voidItem());
        return branchAdded.call(() -> Multi.createFrom().iterable(tags)
                .onItem().transformToUniAndConcatenate(tag -> tagRepository.add(tx, version, tag)
                        .flatMap(added -> added.isPresent()
                                ? outbox.append(tx, EventType.TAG_ADDED, pacticipant.name(), Map.of(
                                        "pacticipant", pacticipant.name(), "version", version.number(), "tag", tag))
                                : Uni.createFrom().voidItem()))
                .collect().last());
    }

    private record PublishedAll(List<PactPublication> pacts, List<Notice> notices) {
    }

    private Uni<PublishedAll> publishEach(SqlClient tx, Pacticipant pacticipant, Version version,
            ContractsPublishRequest request, List<PactToPublish> pacts, Function<PactPublication, String> pactUrl) {
        List<PactPublication> published = new ArrayList<>();
        List<Notice> notices = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < pacts.size(); i++) {
            ContractsPublishRequest.Contract contract = request.contracts().get(i);
            PactToPublish pact = pacts.get(i);
            Mode mode = "merge".equals(contract.onConflict()) ? Mode.MERGE_CHECKED : Mode.OVERWRITE;
            chain = chain.flatMap(ignored -> publisher
                    .publishInto(tx, pacticipant, version, contract.providerName(), pact, mode)
                    .flatMap(result -> repository.setupState(tx, pacticipant.id(), result.pact().providerId())
                            .invoke(state -> {
                                published.add(result.pact());
                                notices.addAll(ContractsPublishNotices.forPact(result, pactUrl.apply(result.pact()),
                                        state));
                            }))
                    .replaceWithVoid());
        }
        return chain.map(ignored -> new PublishedAll(published, notices));
    }
}
