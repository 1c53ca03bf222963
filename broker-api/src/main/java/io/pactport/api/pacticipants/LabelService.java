package io.pactport.api.pacticipants;

import io.pactport.api.db.Upserted;
import io.pactport.api.events.Outbox;
import io.pactport.api.http.NotFoundException;
import io.pactport.api.http.Page;
import io.pactport.api.http.PageRequest;
import io.pactport.core.events.PactportEvent.LabelAdded;
import io.pactport.core.events.PactportEvent.LabelRemoved;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Pacticipant labels; labelling a missing pacticipant creates it, as in the Pact Broker. */
@ApplicationScoped
public class LabelService {

    private final Pool pool;
    private final PacticipantService pacticipants;
    private final LabelRepository labels;
    private final Outbox outbox;

    LabelService(Pool pool, PacticipantService pacticipants, LabelRepository labels, Outbox outbox) {
        this.pool = pool;
        this.pacticipants = pacticipants;
        this.labels = labels;
        this.outbox = outbox;
    }

    /** The names of the labels in use, each once, alphabetically; one page or all. */
    public Uni<Page<String>> names(Optional<PageRequest> page) {
        return labels.names(pool, page);
    }

    public Uni<Label> get(String pacticipant, String label) {
        return pacticipants
                .require(pool, pacticipant)
                .flatMap(p -> labels.find(pool, p.id(), label))
                .map(l -> l.orElseThrow(() -> notFound(pacticipant, label)));
    }

    public Uni<Upserted<Label>> put(String pacticipant, String label) {
        PacticipantNames.check("label", label);
        return pool.withTransaction(tx -> pacticipants
                .findOrCreate(tx, pacticipant)
                .flatMap(p -> labels.add(tx, p.id(), label)
                        .flatMap(added -> added.isPresent()
                                ? outbox.append(tx, new LabelAdded(p.name(), label))
                                        .replaceWith(new Upserted<>(added.get(), true))
                                : labels.find(tx, p.id(), label).map(l -> new Upserted<>(l.orElseThrow(), false)))));
    }

    public Uni<Void> delete(String pacticipant, String label) {
        return pool.withTransaction(tx -> pacticipants
                .require(tx, pacticipant)
                .flatMap(p -> labels.delete(tx, p.id(), label)
                        .flatMap(deleted -> deleted
                                ? outbox.append(tx, new LabelRemoved(p.name(), label))
                                : Uni.createFrom().failure(notFound(pacticipant, label)))));
    }

    private static NotFoundException notFound(String pacticipant, String label) {
        return new NotFoundException("No label '" + label + "' on pacticipant '" + pacticipant + "' found");
    }
}
