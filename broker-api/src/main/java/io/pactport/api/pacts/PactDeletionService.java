package io.pactport.api.pacts;

import io.pactport.api.events.Outbox;
import io.pactport.api.http.NotFoundException;
import io.pactport.api.pacticipants.Pacticipant;
import io.pactport.api.pacts.PactDeletionRepository.Selection;
import io.pactport.core.events.PactportEvent.PactDeleted;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Deleting an integration's pacts (all of them, a tag's, a branch's, one consumer version's) in one transaction with
 * their {@code pact.deleted} events: one {@code all-versions} event for all, else one per consumer version whose pact
 * went, so that an old broker written in parallel deletes exactly those.
 */
@ApplicationScoped
public class PactDeletionService {

    private final Pool pool;
    private final PactReadService reader;
    private final PactDeletionRepository deletions;
    private final PactRepository pacts;
    private final Outbox outbox;

    PactDeletionService(
            Pool pool, PactReadService reader, PactDeletionRepository deletions, PactRepository pacts, Outbox outbox) {
        this.pool = pool;
        this.reader = reader;
        this.deletions = deletions;
        this.pacts = pacts;
        this.outbox = outbox;
    }

    /**
     * Deletes the selected pacts; 404 when the consumer or provider does not exist, and, for one consumer version,
     * when it has no pact with the provider.
     *
     * @return the latest pact left between the two, if any (the Pact Broker links to it after a delete)
     */
    public Uni<Optional<PactPublication>> delete(String provider, String consumer, Selection selection) {
        return pool.withTransaction(tx -> integration(tx, consumer, provider)
                .flatMap(ids ->
                        deletions.delete(tx, ids.consumer().id(), ids.provider().id(), selection))
                .call(numbers -> {
                    if (numbers.isEmpty() && selection.consumerVersionNumber() != null) {
                        throw new NotFoundException("No pact found between " + consumer + " version "
                                + selection.consumerVersionNumber() + " and " + provider);
                    }
                    return announce(tx, consumer, provider, selection, numbers);
                })
                .flatMap(numbers -> pacts.findLatest(tx, provider, consumer)));
    }

    private Uni<Void> announce(
            SqlClient tx, String consumer, String provider, Selection selection, List<String> numbers) {
        if (numbers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (selection.equals(Selection.all())) {
            return outbox.append(tx, PactDeleted.allVersions(consumer, provider));
        }
        return Multi.createFrom()
                .iterable(numbers)
                .onItem()
                .transformToUniAndConcatenate(
                        number -> outbox.append(tx, PactDeleted.consumerVersion(consumer, provider, number)))
                .collect()
                .last()
                .replaceWithVoid();
    }

    private record Integration(Pacticipant consumer, Pacticipant provider) {}

    /** Both pacticipants, the consumer looked up first; 404 in the Pact Broker's words for the one missing. */
    private Uni<Integration> integration(SqlClient tx, String consumer, String provider) {
        return reader.require(tx, consumer, "consumer")
                .flatMap(c -> reader.require(tx, provider, "provider").map(p -> new Integration(c, p)));
    }
}
