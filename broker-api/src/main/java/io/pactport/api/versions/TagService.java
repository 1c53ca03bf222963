package io.pactport.api.versions;

import io.pactport.api.config.ApiConfig;
import io.pactport.api.db.Upserted;
import io.pactport.api.events.Outbox;
import io.pactport.api.http.NotFoundException;
import io.pactport.api.pacticipants.Pacticipant;
import io.pactport.api.pacticipants.PacticipantNames;
import io.pactport.api.pacticipants.PacticipantRepository;
import io.pactport.api.pacticipants.PacticipantService;
import io.pactport.core.events.PactportEvent.BranchVersionAdded;
import io.pactport.core.events.PactportEvent.TagAdded;
import io.pactport.core.events.PactportEvent.TagRemoved;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Version tags. Tagging follows the Pact Broker's rules: the pacticipant and version are created when missing; a
 * version without a branch takes its first tag as its branch when it was created moments ago
 * ({@code use_first_tag_as_branch}, for clients that only know tags); a tag named like a main branch candidate may set
 * the pacticipant's main branch; a tag named like an environment records a deployment there
 * ({@code create_deployed_versions_for_tags}, for teams that still deploy by tag).
 */
@ApplicationScoped
public class TagService {

    private final Pool pool;
    private final PacticipantService pacticipants;
    private final PacticipantRepository pacticipantRows;
    private final VersionRepository versions;
    private final TagRepository tags;
    private final BranchRepository branches;
    private final VersionService versionService;
    private final TagListener listener;
    private final Outbox outbox;
    private final Clock clock;
    /** How old a version may be for its first tag to become its branch; null when tags never become branches. */
    private final Duration firstTagAsBranchLimit;

    TagService(
            Pool pool,
            PacticipantService pacticipants,
            PacticipantRepository pacticipantRows,
            VersionRepository versions,
            TagRepository tags,
            BranchRepository branches,
            VersionService versionService,
            TagListener listener,
            Outbox outbox,
            Clock clock,
            ApiConfig config) {
        this.pool = pool;
        this.pacticipants = pacticipants;
        this.pacticipantRows = pacticipantRows;
        this.versions = versions;
        this.tags = tags;
        this.branches = branches;
        this.versionService = versionService;
        this.listener = listener;
        this.outbox = outbox;
        this.clock = clock;
        this.firstTagAsBranchLimit = config.useFirstTagAsBranch() ? config.useFirstTagAsBranchTimeLimit() : null;
    }

    public Uni<Tag> get(String pacticipant, String number, String tag) {
        return version(pool, pacticipant, number)
                .flatMap(v -> tags.find(pool, v.id(), tag))
                .map(t -> t.orElseThrow(() -> notFound(pacticipant, number, tag)));
    }

    /** Tags the version, creating pacticipant and version when missing; {@code created} false when it had the tag. */
    public Uni<Upserted<Tag>> put(String pacticipant, String number, String tag) {
        PacticipantNames.check("version", number);
        PacticipantNames.check("tag", tag);
        // What is known is not looked up: a version created here has no tags or branches yet, and a version older than
        // the first-tag-as-branch limit is tagged by inserting the tag (a tag it had already is found when the insert
        // does nothing). This is the write parallel-sync-service sends an old broker for every tag: statements count.
        return pool.withTransaction(tx -> pacticipants
                .findOrCreate(tx, pacticipant)
                .flatMap(p -> versionService.findOrCreate(tx, p, number).flatMap(v -> {
                    Uni<Upserted<Tag>> tagged;
                    if (v.created() || !recent(v.value())) {
                        tagged = add(tx, p, v.value(), tag, v.created());
                    } else {
                        tagged = tags.find(tx, v.value().id(), tag)
                                .flatMap(existing -> existing.isPresent()
                                        // the Pact Broker looks for a main branch on every tagging, not only a new
                                        // tag's
                                        ? pacticipantRows
                                                .detectMainBranch(tx, p.id(), tag)
                                                .replaceWith(new Upserted<>(existing.get(), false))
                                        : add(tx, p, v.value(), tag, false));
                    }
                    // the Pact Broker's tag resource records a deployment on every PUT, a tag the version had included:
                    // an environment created after the tagging, or a version deployed again, is recorded then
                    return tagged.call(() -> listener.tagPut(tx, v.value(), tag));
                })));
    }

    public Uni<Void> delete(String pacticipant, String number, String tag) {
        return pool.withTransaction(tx -> version(tx, pacticipant, number)
                .flatMap(v -> tags.delete(tx, v.id(), tag).flatMap(deleted -> {
                    if (!deleted) {
                        return Uni.createFrom().failure(notFound(pacticipant, number, tag));
                    }
                    return outbox.append(tx, new TagRemoved(pacticipant, number, tag));
                })));
    }

    /** The tagging rules, then the tag when it was new, else the one the version had. */
    private Uni<Upserted<Tag>> add(SqlClient tx, Pacticipant p, Version v, String tag, boolean newVersion) {
        return tagInto(tx, p, v, tag, newVersion)
                .flatMap(added -> added.isEmpty()
                        // the version had the tag already (or a concurrent request tagged it first): nothing changes
                        ? tags.find(tx, v.id(), tag).map(t -> new Upserted<>(t.orElseThrow(), false))
                        : Uni.createFrom().item(new Upserted<>(added.get(), true)));
    }

    /**
     * Tags the version in the caller's transaction with the Pact Broker's rules for every tag, whoever writes it (the
     * tag resource, {@code POST /contracts/publish}): the first tag of a recent version on no branch becomes its
     * branch, and a tag named like a main branch candidate may set the pacticipant's main branch (also when the
     * version had the tag already). Deployments for environment-named tags are the tag resource's alone, as in the
     * Pact Broker.
     *
     * @param newVersion whether the version was created in this transaction and has no tags or branches yet
     * @return the tag when it was new, empty when the version had it already
     */
    public Uni<Optional<Tag>> tagInto(SqlClient tx, Pacticipant p, Version v, String tag, boolean newVersion) {
        return maybeUseAsBranch(tx, p, v, tag, newVersion)
                .flatMap(ignored -> tags.add(tx, v, tag))
                .call(() -> pacticipantRows.detectMainBranch(tx, p.id(), tag))
                .call(added -> added.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : outbox.append(tx, new TagAdded(p.name(), v.number(), tag)));
    }

    /** Whether the Pact Broker's first-tag-as-branch rule ({@code use_first_tag_as_branch}) applies to the version. */
    private boolean recent(Version v) {
        return firstTagAsBranchLimit != null
                && !v.createdAt().isBefore(LocalDateTime.now(clock).minus(firstTagAsBranchLimit));
    }

    /** A version's first tag becomes its branch while it is recent and on no branch. */
    private Uni<Void> maybeUseAsBranch(SqlClient tx, Pacticipant p, Version v, String tag, boolean newVersion) {
        if (!recent(v)) {
            return Uni.createFrom().voidItem();
        }
        Uni<Boolean> untagged = newVersion
                ? Uni.createFrom().item(true)
                : tags.forVersion(tx, v.id())
                        .flatMap(existing -> branches.forVersion(tx, v.id())
                                .map(onBranches -> existing.isEmpty() && onBranches.isEmpty()));
        return untagged.flatMap(first -> !first
                ? Uni.createFrom().voidItem()
                : branches.addVersion(tx, v, tag, true)
                        .flatMap(added -> added
                                ? outbox.append(tx, new BranchVersionAdded(p.name(), tag, v.number(), true))
                                : Uni.createFrom().voidItem()));
    }

    private Uni<Version> version(SqlClient c, String pacticipant, String number) {
        return pacticipants
                .require(c, pacticipant)
                .flatMap(p -> versions.find(c, p.id(), number))
                .map(v -> v.orElseThrow(() -> VersionService.notFound(pacticipant, number)));
    }

    private static NotFoundException notFound(String pacticipant, String number, String tag) {
        return new NotFoundException(
                "No tag '" + tag + "' on version '" + number + "' of pacticipant '" + pacticipant + "' found");
    }
}
