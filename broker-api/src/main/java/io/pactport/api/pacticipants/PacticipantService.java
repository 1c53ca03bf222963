package io.pactport.api.pacticipants;

import io.pactport.api.config.ApiConfig;
import io.pactport.api.db.Upserted;
import io.pactport.api.events.Outbox;
import io.pactport.api.http.NotFoundException;
import io.pactport.api.http.Page;
import io.pactport.api.http.PageRequest;
import io.pactport.core.events.PactportEvent.PacticipantCreated;
import io.pactport.core.events.PactportEvent.PacticipantDeleted;
import io.pactport.core.events.PactportEvent.PacticipantUpdated;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pacticipants: list, read, create, replace, merge-patch and delete, each write with its event. */
@ApplicationScoped
public class PacticipantService {

    private final Pool pool;
    private final PacticipantRepository pacticipants;
    private final PacticipantDeletionRepository deletion;
    private final Outbox outbox;
    private final boolean refuseLookalikes;

    PacticipantService(
            Pool pool,
            PacticipantRepository pacticipants,
            PacticipantDeletionRepository deletion,
            Outbox outbox,
            ApiConfig config) {
        this.pool = pool;
        this.pacticipants = pacticipants;
        this.deletion = deletion;
        this.outbox = outbox;
        this.refuseLookalikes = config.checkForPotentialDuplicatePacticipantNames();
    }

    /** Every pacticipant, or those labelled {@code label} when not null. */
    /** Pacticipants by name, all or those with {@code label} (null: all); one page of them, or all. */
    public Uni<Page<PacticipantDetails>> list(String label, Optional<PageRequest> page) {
        return pacticipants.listDetails(pool, label, page);
    }

    public Uni<PacticipantDetails> get(String name) {
        return details(pool, name);
    }

    /** POST: creates {@code name}; as in the Pact Broker, an existing one is answered unchanged. */
    public Uni<PacticipantDetails> create(String name, PacticipantFields fields) {
        PacticipantNames.check("name", name);
        return pool.withTransaction(tx -> pacticipants
                .create(tx, name, fields)
                .call(p ->
                        p.created() ? created(tx, p.value()) : Uni.createFrom().voidItem())
                .flatMap(p -> details(tx, name)));
    }

    /** PUT: replaces every field of an existing pacticipant. */
    public Uni<PacticipantDetails> replace(String name, PacticipantFields fields) {
        return pool.withTransaction(tx -> require(tx, name)
                .flatMap(existing -> update(tx, existing, fields))
                .flatMap(p -> details(tx, name)));
    }

    /**
     * PATCH: merges {@code changes} (camelCase field name → value, null clearing it) into the pacticipant, creating it
     * when missing, as the Pact Broker does for this method.
     */
    public Uni<Upserted<PacticipantDetails>> patch(String name, Map<String, String> changes) {
        PacticipantNames.check("name", name);
        return pool.withTransaction(tx -> pacticipants.findByName(tx, name).flatMap(existing -> {
            if (existing.isPresent()) {
                return update(tx, existing.get(), merge(PacticipantFields.of(existing.get()), changes))
                        .flatMap(p -> details(tx, name))
                        .map(d -> new Upserted<>(d, false));
            }
            return pacticipants
                    .create(tx, name, merge(PacticipantFields.NONE, changes))
                    .call(p -> p.created()
                            ? created(tx, p.value())
                            : Uni.createFrom().voidItem())
                    .flatMap(p -> details(tx, name))
                    .map(d -> new Upserted<>(d, true));
        }));
    }

    /** Deletes the pacticipant and everything it owns, in one transaction. */
    public Uni<Void> delete(String name) {
        return pool.withTransaction(tx -> require(tx, name)
                .call(p -> deletion.delete(tx, p.id()))
                .call(p -> outbox.append(tx, PacticipantEvents.of(p, PacticipantDeleted::new)))
                .replaceWithVoid());
    }

    /**
     * The deletion events of every pacticipant, read before a delete of everything (see {@code DELETE /integrations})
     * that removes them without going through {@link #delete(String)}.
     */
    public Uni<List<PacticipantDeleted>> allDeleted(SqlClient c) {
        return pacticipants
                .all(c)
                .map(all -> all.stream()
                        .map(p -> PacticipantEvents.of(p, PacticipantDeleted::new))
                        .toList());
    }

    /** The pacticipant called {@code name}, or a 404. */
    public Uni<Pacticipant> require(SqlClient c, String name) {
        return pacticipants.findByName(c, name).map(p -> p.orElseThrow(() -> notFound(name)));
    }

    /** Finds or creates {@code name}, recording PACTICIPANT_CREATED when it is new. */
    public Uni<Pacticipant> findOrCreate(SqlClient tx, String name) {
        PacticipantNames.check("pacticipant", name);
        return pacticipants
                .findOrCreate(tx, name)
                .call(p ->
                        p.created() ? created(tx, p.value()) : Uni.createFrom().voidItem())
                .map(Upserted::value);
    }

    /**
     * As {@link #findOrCreate(SqlClient, String)} for a pacticipant a publication names. Before a pacticipant is created,
     * every name of the publication is checked against the existing ones (the Pact Broker's
     * {@code check_for_potential_duplicate_pacticipant_names}), so the check costs nothing while the names are known.
     *
     * @throws LookalikePacticipantException (in the Uni) when a new name looks like an existing one
     */
    public Uni<Pacticipant> findOrCreate(SqlClient tx, String name, PublishedNames published) {
        if (!refuseLookalikes) {
            return findOrCreate(tx, name);
        }
        PacticipantNames.check("pacticipant", name);
        return pacticipants
                .findByName(tx, name)
                .flatMap(found -> found.isPresent()
                        ? Uni.createFrom().item(found.get())
                        : pacticipants.names(tx).flatMap(existing -> {
                            List<String> refusals = new ArrayList<>();
                            for (String newName : published.names()) {
                                if (existing.stream().anyMatch(stored -> pacticipants.sameName(stored, newName))) {
                                    continue;
                                }
                                List<String> lookalikes = LookalikeNames.of(newName, existing);
                                if (!lookalikes.isEmpty()) {
                                    refusals.add(LookalikeNames.refusal(newName, lookalikes, published.baseUrl()));
                                }
                            }
                            if (!refusals.isEmpty()) {
                                throw new LookalikePacticipantException(refusals);
                            }
                            return findOrCreate(tx, name);
                        }));
    }

    public static NotFoundException notFound(String name) {
        return new NotFoundException("No pacticipant with name '" + name + "' found");
    }

    private Uni<Pacticipant> update(SqlClient tx, Pacticipant existing, PacticipantFields fields) {
        return pacticipants
                .update(tx, existing, fields)
                .call(updated -> changed(existing, updated)
                        ? outbox.append(tx, PacticipantEvents.of(updated, PacticipantUpdated::new))
                        : Uni.createFrom().voidItem());
    }

    private Uni<Void> created(SqlClient tx, Pacticipant p) {
        return outbox.append(tx, PacticipantEvents.of(p, PacticipantCreated::new));
    }

    private Uni<PacticipantDetails> details(SqlClient c, String name) {
        return pacticipants.findDetails(c, name).map(d -> d.orElseThrow(() -> notFound(name)));
    }

    private static boolean changed(Pacticipant before, Pacticipant after) {
        return !PacticipantFields.of(before).equals(PacticipantFields.of(after));
    }

    private static PacticipantFields merge(PacticipantFields base, Map<String, String> changes) {
        return new PacticipantFields(
                pick(changes, "displayName", base.displayName()),
                pick(changes, "repositoryUrl", base.repositoryUrl()),
                pick(changes, "repositoryName", base.repositoryName()),
                pick(changes, "repositoryNamespace", base.repositoryNamespace()),
                pick(changes, "mainBranch", base.mainBranch()));
    }

    private static String pick(Map<String, String> changes, String field, String current) {
        return changes.containsKey(field) ? changes.get(field) : current;
    }
}
