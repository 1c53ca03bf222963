package io.pactport.api.versions;

import io.pactport.api.db.Upserted;
import io.pactport.api.db.VersionDeletionRepository;
import io.pactport.api.events.Outbox;
import io.pactport.api.http.NotFoundException;
import io.pactport.api.http.Page;
import io.pactport.api.http.PageRequest;
import io.pactport.api.pacticipants.Pacticipant;
import io.pactport.api.pacticipants.PacticipantNames;
import io.pactport.api.pacticipants.PacticipantService;
import io.pactport.core.events.PactportEvent;
import io.pactport.core.events.PactportEvent.TagAdded;
import io.pactport.core.events.PactportEvent.TagRemoved;
import io.pactport.core.events.PactportEvent.VersionCreated;
import io.pactport.core.events.PactportEvent.VersionDeleted;
import io.pactport.core.events.PactportEvent.VersionUpdated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Pacticipant versions: read, latest, create or overwrite (PUT), merge (PATCH), delete; each write with its events. */
@ApplicationScoped
public class VersionService {

    private final Pool pool;
    private final PacticipantService pacticipants;
    private final VersionRepository versions;
    private final VersionRelationsRepository relations;
    private final VersionDeletionRepository deletion;
    private final TagRepository tags;
    private final BranchRepository branches;
    private final Outbox outbox;

    VersionService(
            Pool pool,
            PacticipantService pacticipants,
            VersionRepository versions,
            VersionRelationsRepository relations,
            VersionDeletionRepository deletion,
            TagRepository tags,
            BranchRepository branches,
            Outbox outbox) {
        this.pool = pool;
        this.pacticipants = pacticipants;
        this.versions = versions;
        this.relations = relations;
        this.deletion = deletion;
        this.tags = tags;
        this.branches = branches;
        this.outbox = outbox;
    }

    public Uni<VersionDetails> get(String pacticipant, String number) {
        return pacticipants
                .require(pool, pacticipant)
                .flatMap(p -> versions.find(pool, p.id(), number)
                        .map(v -> v.orElseThrow(() -> notFound(pacticipant, number)))
                        .flatMap(v -> details(pool, p, v)));
    }

    /** The pacticipant's versions, newest first: one page, or all (no page asked for, as in the Pact Broker). */
    public Uni<Page<VersionDetails>> list(String pacticipant, Optional<PageRequest> page) {
        return pacticipants
                .require(pool, pacticipant)
                .flatMap(p -> versions.list(pool, p.id(), page).flatMap(found -> details(p, found)));
    }

    /** The versions on the branch, newest first, paged as {@link #list}; 404 when there is no such branch. */
    public Uni<Page<VersionDetails>> onBranch(String pacticipant, String branch, Optional<PageRequest> page) {
        return pacticipants
                .require(pool, pacticipant)
                .flatMap(p -> branches.find(pool, p.id(), branch)
                        .map(b -> b.orElseThrow(() -> new NotFoundException(
                                "No branch '" + branch + "' of pacticipant '" + pacticipant + "' found")))
                        .flatMap(b -> versions.listOnBranch(pool, b.id(), page))
                        .flatMap(found -> details(p, found)));
    }

    /** The versions with the tag, newest first, paged as {@link #list}; 404 when no version has the tag. */
    public Uni<Page<VersionDetails>> withTag(String pacticipant, String tag, Optional<PageRequest> page) {
        return pacticipants
                .require(pool, pacticipant)
                .flatMap(p -> versions.listWithTag(pool, p.id(), tag, page)
                        .invoke(found -> {
                            if (found.totalElements() == 0) {
                                throw new NotFoundException(
                                        "No version of pacticipant '" + pacticipant + "' with tag '" + tag + "' found");
                            }
                        })
                        .flatMap(found -> details(p, found)));
    }

    private Uni<Page<VersionDetails>> details(Pacticipant p, Page<Version> found) {
        return Multi.createFrom()
                .iterable(found.items())
                .onItem()
                .transformToUniAndConcatenate(v -> details(pool, p, v))
                .collect()
                .asList()
                .map(items -> new Page<>(items, found.request(), found.totalElements()));
    }

    public Uni<VersionDetails> latest(String pacticipant) {
        return pacticipants
                .require(pool, pacticipant)
                .flatMap(p -> versions.latest(pool, p.id())
                        .flatMap(v -> found(p, v, "No version of pacticipant '" + pacticipant + "' found")));
    }

    public Uni<VersionDetails> latestWithTag(String pacticipant, String tag) {
        return pacticipants
                .require(pool, pacticipant)
                .flatMap(p -> versions.latestWithTag(pool, p.id(), tag)
                        .flatMap(v -> found(
                                p, v, "No version of pacticipant '" + pacticipant + "' with tag '" + tag + "' found")));
    }

    public Uni<VersionDetails> latestOnBranch(String pacticipant, String branch) {
        return pacticipants
                .require(pool, pacticipant)
                .flatMap(p -> versions.latestOnBranch(pool, p.id(), branch)
                        .flatMap(v -> found(
                                p,
                                v,
                                "No version of pacticipant '" + pacticipant + "' on branch '" + branch + "' found")));
    }

    /**
     * PUT: creates the version or overwrites it: the build URL becomes the request's (none when absent), the tags are
     * replaced when the request lists them. The branch is not settable here, as in the Pact Broker.
     */
    public Uni<Upserted<VersionDetails>> put(String pacticipant, String number, VersionChanges changes) {
        return write(pacticipant, number, new VersionChanges(true, changes.buildUrl(), changes.tags()));
    }

    /** PATCH (merge-patch): as {@link #put}, but an absent build URL is kept. */
    public Uni<Upserted<VersionDetails>> patch(String pacticipant, String number, VersionChanges changes) {
        return write(pacticipant, number, changes);
    }

    /**
     * Deletes the version with what depends on it (as the clean does), then makes the newest remaining version of each
     * branch it headed that branch's head.
     */
    public Uni<Void> delete(String pacticipant, String number) {
        return pool.withTransaction(tx -> pacticipants
                        .require(tx, pacticipant)
                        .flatMap(p -> versions.find(tx, p.id(), number)
                                .map(v -> v.orElseThrow(() -> notFound(pacticipant, number)))
                                .flatMap(v -> event(tx, p, v, VersionDeleted::new)
                                        .flatMap(deleted -> branches.headedBy(tx, v.id())
                                                .call(() -> deletion.deleteVersion(tx, v.id()))
                                                .call(heads -> branches.repointHeads(tx, heads))
                                                .call(() -> outbox.append(tx, deleted))))))
                .replaceWithVoid();
    }

    /** The version's representation, read through {@code c}. */
    public Uni<VersionDetails> details(SqlClient c, Pacticipant p, Version v) {
        return tags.forVersion(c, v.id())
                .flatMap(t -> branches.forVersion(c, v.id())
                        .flatMap(b -> relations
                                .environments(c)
                                .flatMap(envs -> relations
                                        .deployments(c, v.id())
                                        .flatMap(dep -> relations
                                                .releases(c, v.id())
                                                .flatMap(rel -> relations
                                                        .pactProviders(c, v.id())
                                                        .map(pacts -> new VersionDetails(
                                                                p.name(), v, t, b, envs, dep, rel, pacts)))))));
    }

    public static NotFoundException notFound(String pacticipant, String number) {
        return new NotFoundException("No version '" + number + "' of pacticipant '" + pacticipant + "' found");
    }

    private Uni<Upserted<VersionDetails>> write(String pacticipant, String number, VersionChanges changes) {
        PacticipantNames.check("version", number);
        if (changes.tags() != null) {
            changes.tags().forEach(tag -> PacticipantNames.check("tags", tag));
        }
        return pool.withTransaction(tx -> pacticipants
                .findOrCreate(tx, pacticipant)
                .flatMap(p -> versions.findOrCreate(tx, p.id(), number, changes.buildUrl())
                        .flatMap(v -> {
                            Uni<Version> written = v.created()
                                    ? outbox.append(
                                                    tx,
                                                    new VersionCreated(
                                                            p.name(),
                                                            number,
                                                            v.value().buildUrl(),
                                                            List.of(),
                                                            changes.tags() == null
                                                                    ? List.of()
                                                                    : List.copyOf(new LinkedHashSet<>(changes.tags()))))
                                            .replaceWith(v.value())
                                    : updateBuildUrl(tx, p, v.value(), changes);
                            return written.call(version -> changes.tags() == null
                                            ? Uni.createFrom().voidItem()
                                            : replaceTags(tx, p, version, changes.tags()))
                                    .flatMap(version -> details(tx, p, version))
                                    .map(d -> new Upserted<>(d, v.created()));
                        })));
    }

    private Uni<Version> updateBuildUrl(SqlClient tx, Pacticipant p, Version v, VersionChanges changes) {
        if (!changes.buildUrlGiven() || Objects.equals(v.buildUrl(), changes.buildUrl())) {
            return Uni.createFrom().item(v);
        }
        return versions.setBuildUrl(tx, v.id(), changes.buildUrl())
                .call(updated -> event(tx, p, updated, VersionUpdated::new).flatMap(e -> outbox.append(tx, e)));
    }

    /** Replaces the version's tags, recording only what changed: the tags dropped and the tags new to it. */
    private Uni<Void> replaceTags(SqlClient tx, Pacticipant p, Version v, List<String> wanted) {
        LinkedHashSet<String> unique = new LinkedHashSet<>(wanted);
        return tags.deleteAllOf(tx, v.id())
                .flatMap(before -> Multi.createFrom()
                        .iterable(unique)
                        .onItem()
                        .transformToUniAndConcatenate(
                                tag -> tags.add(tx, v, tag).replaceWith(tag))
                        .collect()
                        .asList()
                        .call(() -> Multi.createFrom()
                                .iterable(before)
                                .filter(tag -> !unique.contains(tag))
                                .onItem()
                                .transformToUniAndConcatenate(
                                        tag -> outbox.append(tx, new TagRemoved(p.name(), v.number(), tag)))
                                .collect()
                                .last())
                        .call(() -> Multi.createFrom()
                                .iterable(unique)
                                .filter(tag -> !before.contains(tag))
                                .onItem()
                                .transformToUniAndConcatenate(
                                        tag -> outbox.append(tx, new TagAdded(p.name(), v.number(), tag)))
                                .collect()
                                .last())
                        .replaceWithVoid());
    }

    /** The pacticipant's version {@code number}, created when missing with its {@code version.created} event. */
    public Uni<Upserted<Version>> findOrCreate(SqlClient tx, Pacticipant p, String number) {
        PacticipantNames.check("version", number);
        // a version created by this statement has no branches or tags yet: nothing to look up for its event
        return versions.findOrCreate(tx, p.id(), number)
                .call(v -> v.created()
                        ? outbox.append(
                                tx,
                                new VersionCreated(p.name(), number, v.value().buildUrl(), List.of(), List.of()))
                        : Uni.createFrom().voidItem());
    }

    /** The version's event payload as it is now, with its branches and tags. */
    private <E extends PactportEvent> Uni<E> event(SqlClient c, Pacticipant p, Version v, VersionPayload<E> event) {
        return tags.forVersion(c, v.id())
                .flatMap(t -> branches.forVersion(c, v.id())
                        .map(b -> event.of(
                                p.name(),
                                v.number(),
                                v.buildUrl(),
                                b.stream().map(BranchVersion::branchName).toList(),
                                t.stream().map(Tag::name).toList())));
    }

    private Uni<VersionDetails> found(Pacticipant p, Optional<Version> v, String message) {
        return v.map(found -> details(pool, p, found))
                .orElseGet(() -> Uni.createFrom().failure(new NotFoundException(message)));
    }

    /** The version events of broker-core share one payload; the caller names the record by its constructor. */
    interface VersionPayload<E extends PactportEvent> {
        E of(String pacticipant, String number, String buildUrl, List<String> branches, List<String> tags);
    }
}
