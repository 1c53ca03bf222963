package io.pactport.api.versions;

import io.pactport.api.db.Upserted;
import io.pactport.api.events.Outbox;
import io.pactport.api.http.NotFoundException;
import io.pactport.api.pacticipants.Pacticipant;
import io.pactport.api.pacticipants.PacticipantNames;
import io.pactport.api.pacticipants.PacticipantService;
import io.pactport.core.events.PactportEvent.BranchDeleted;
import io.pactport.core.events.PactportEvent.BranchVersionAdded;
import io.pactport.core.events.PactportEvent.BranchVersionRemoved;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Branches and branch versions: read, list, add a version to a branch (moving its head), take a version off a branch,
 * delete a branch.
 */
@ApplicationScoped
public class BranchService {

    /** A pacticipant and its branches, most recently used first. */
    public record Branches(Pacticipant pacticipant, List<Branch> branches) {}

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

    public Uni<Branches> list(String pacticipant) {
        return pacticipants
                .require(pool, pacticipant)
                .flatMap(p -> branches.list(pool, p.id()).map(all -> new Branches(p, all)));
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
