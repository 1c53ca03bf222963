package io.pactport.api.versions;

import io.pactport.api.db.Upserted;
import io.pactport.api.events.Outbox;
import io.pactport.api.http.NotFoundException;
import io.pactport.api.http.Page;
import io.pactport.api.http.PageRequest;
import io.pactport.api.pacticipants.Pacticipant;
import io.pactport.api.pacticipants.PacticipantNames;
import io.pactport.api.pacticipants.PacticipantService;
import io.pactport.core.events.PactportEvent.BranchDeleted;
import io.pactport.core.events.PactportEvent.BranchVersionAdded;
import io.pactport.core.events.PactportEvent.BranchVersionRemoved;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Branches and branch versions: read, list, add a version to a branch (moving its head), take a version off a branch,
 * delete a branch, or all but the main branch and those kept.
 */
@ApplicationScoped
public class BranchService {

    /** What a bulk delete did: how many branches went, and the names of those left, least recently used first. */
    public record BulkDeletion(Pacticipant pacticipant, int deleted, List<String> remaining) {}

    private final Pool pool;
    private final PacticipantService pacticipants;
    private final VersionRepository versions;
    private final VersionService versionService;
    private final BranchRepository branches;
    private final Outbox outbox;

    BranchService(
            Pool pool,
            PacticipantService pacticipants,
            VersionRepository versions,
            VersionService versionService,
            BranchRepository branches,
            Outbox outbox) {
        this.pool = pool;
        this.pacticipants = pacticipants;
        this.versions = versions;
        this.versionService = versionService;
        this.branches = branches;
        this.outbox = outbox;
    }

    public Uni<Branch> get(String pacticipant, String branch) {
        return branch(pool, pacticipant, branch);
    }

    /**
     * A page of the pacticipant's branches, most recently used first, whose names contain {@code contains} (any case)
     * when given; always paged, as in the Pact Broker (page 1 of 100 when no page is asked for).
     */
    public Uni<Page<Branch>> list(String pacticipant, String contains, Optional<PageRequest> page) {
        PageRequest asked = page.orElse(new PageRequest(1, PageRequest.DEFAULT_SIZE));
        return pacticipants.require(pool, pacticipant).flatMap(p -> branches.page(pool, p.id(), contains, asked));
    }

    /**
     * Deletes every branch of the pacticipant but its main branch and those {@code kept}, each as
     * {@link #delete} does (its versions stay) with its {@code branch.deleted} event, in one transaction. The Pact
     * Broker deletes them after answering; here the answer comes once they are gone.
     */
    public Uni<BulkDeletion> deleteAllBut(String pacticipant, List<String> kept) {
        return pool.withTransaction(tx -> pacticipants
                .require(tx, pacticipant)
                .flatMap(p -> branches.list(tx, p.id()).flatMap(all -> {
                    List<Branch> doomed = all.stream()
                            .filter(b -> !kept.contains(b.name()) && !b.name().equals(p.mainBranch()))
                            .toList();
                    List<String> remaining = all.stream()
                            .filter(b -> !doomed.contains(b))
                            .sorted(Comparator.comparing(Branch::updatedAt).thenComparing(Branch::id))
                            .map(Branch::name)
                            .toList();
                    return Multi.createFrom()
                            .iterable(doomed)
                            .onItem()
                            .transformToUniAndConcatenate(b -> versionNumbers(tx, b)
                                    .call(() -> branches.delete(tx, b.id()))
                                    .flatMap(numbers ->
                                            outbox.append(tx, new BranchDeleted(p.name(), b.name(), numbers))))
                            .collect()
                            .last()
                            .replaceWith(new BulkDeletion(p, doomed.size(), remaining));
                })));
    }

    /** Deletes the branch with its branch versions and head; the versions stay. */
    public Uni<Void> delete(String pacticipant, String branch) {
        return pool.withTransaction(tx -> branch(tx, pacticipant, branch)
                .flatMap(b -> versionNumbers(tx, b)
                        .call(() -> branches.delete(tx, b.id()))
                        .flatMap(numbers -> outbox.append(tx, new BranchDeleted(pacticipant, branch, numbers)))));
    }

    public Uni<BranchVersion> getVersion(String pacticipant, String branch, String number) {
        return branchVersion(pool, pacticipant, branch, number);
    }

    /** Takes the version off the branch (a new head when it was the head); the version and the branch stay. */
    public Uni<Void> deleteVersion(String pacticipant, String branch, String number) {
        return pool.withTransaction(tx -> branchVersion(tx, pacticipant, branch, number)
                .call(bv -> branches.deleteBranchVersion(tx, bv))
                .flatMap(bv -> outbox.append(tx, new BranchVersionRemoved(pacticipant, branch, number))));
    }

    private Uni<BranchVersion> branchVersion(SqlClient c, String pacticipant, String branch, String number) {
        return pacticipants
                .require(c, pacticipant)
                .flatMap(p -> branches.findBranchVersion(c, p.id(), branch, number))
                .map(bv -> bv.orElseThrow(() -> new NotFoundException("Version '" + number + "' of pacticipant '"
                        + pacticipant + "' is not on branch '" + branch + "'")));
    }

    /**
     * Puts the version on the branch, creating pacticipant, version and branch when missing, and makes it the branch's
     * head; {@code created} false when it was already on the branch (the head then does not move).
     */
    public Uni<Upserted<BranchVersion>> putVersion(String pacticipant, String branch, String number) {
        PacticipantNames.check("branch", branch);
        PacticipantNames.check("version", number);
        return pool.withTransaction(tx -> pacticipants
                .findOrCreate(tx, pacticipant)
                .flatMap(p -> versionService
                        .findOrCreate(tx, p, number)
                        .map(Upserted::value)
                        .flatMap(v -> branches.addVersion(tx, v, branch, false)
                                .call(added -> added
                                        ? outbox.append(tx, new BranchVersionAdded(p.name(), branch, number, false))
                                        : Uni.createFrom().voidItem()))
                        .flatMap(added -> branches.findBranchVersion(tx, p.id(), branch, number)
                                .map(bv -> new Upserted<>(bv.orElseThrow(), added)))));
    }

    private Uni<Branch> branch(SqlClient c, String pacticipant, String branch) {
        return pacticipants
                .require(c, pacticipant)
                .flatMap(p -> branches.find(c, p.id(), branch))
                .map(b -> b.orElseThrow(() -> new NotFoundException(
                        "No branch '" + branch + "' of pacticipant '" + pacticipant + "' found")));
    }

    private Uni<List<String>> versionNumbers(SqlClient c, Branch b) {
        return versions.numbersOnBranch(c, b.id());
    }
}
