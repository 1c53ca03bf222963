package io.pactport.api.dashboard;

import io.pactport.api.http.PageRequest;
import io.pactport.api.pacticipants.Pacticipant;
import io.pactport.api.pacticipants.PacticipantService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The dashboard's lines, of every integration or of one. */
@ApplicationScoped
public class DashboardService {

    /** The Pact Broker's page of the dashboard when none is asked for. */
    static final int DEFAULT_SIZE = 30;

    private final Pool pool;
    private final DashboardRepository repository;
    private final PacticipantService pacticipants;

    DashboardService(Pool pool, DashboardRepository repository, PacticipantService pacticipants) {
        this.pool = pool;
        this.repository = repository;
        this.pacticipants = pacticipants;
    }

    public Uni<List<DashboardItem>> all(PageRequest page) {
        return repository.items(pool, null, null, page);
    }

    /** The lines of one integration; a 404 when either pacticipant does not exist. */
    public Uni<List<DashboardItem>> integration(String consumer, String provider, PageRequest page) {
        return pool.withTransaction(tx -> pacticipants
                .require(tx, consumer)
                .flatMap(c ->
                        pacticipants.require(tx, provider).flatMap(p -> repository.items(tx, id(c), id(p), page))));
    }

    private static Long id(Pacticipant p) {
        return p.id();
    }
}
