package io.pactport.api.integrations;

import io.pactport.api.events.Outbox;
import io.pactport.api.http.NotFoundException;
import io.pactport.api.http.Page;
import io.pactport.api.http.PageRequest;
import io.pactport.api.pacticipants.PacticipantService;
import io.pactport.core.events.PactportEvent.IntegrationDeleted;
import io.pactport.core.events.PactportEvent.PactDeleted;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Listing integrations, and deleting one's contract data, each deletion in one transaction with its event. */
@ApplicationScoped
public class IntegrationService {

    private final Pool pool;
    private final IntegrationRepository integrations;
    private final Outbox outbox;

    private final PacticipantService pacticipants;

    IntegrationService(Pool pool, IntegrationRepository integrations, Outbox outbox, PacticipantService pacticipants) {
        this.pool = pool;
        this.integrations = integrations;
        this.outbox = outbox;
        this.pacticipants = pacticipants;
    }

    /** Every integration, or the page asked for. */
    public Uni<Page<Integration>> list(Optional<PageRequest> page) {
        return page.isPresent()
                ? integrations.page(pool, page.get())
                : integrations.list(pool).map(Page::whole);
    }

    /** A page of the UI's integrations whose consumer or provider name holds the search text (all when null). */
    public Uni<Page<IntegrationOverview>> overview(String search, PageRequest page) {
        return integrations.overview(pool, search, page);
    }

    /** Deletes the integration with its pacts, verifications and webhooks. */
    public Uni<Void> delete(String consumer, String provider) {
        return pool.withTransaction(tx -> find(tx, consumer, provider)
                .call(integration -> integrations.delete(tx, integration))
                .call(integration -> deleted(tx, integration))
                .replaceWithVoid());
    }

    /**
     * {@code DELETE /integrations}: as the Pact Broker, every pacticipant and all it owns (environments stay). The
     * events name each integration and each pacticipant deleted, so that a consumer (an old broker written by
     * parallel-sync-service) removes the same, including pacticipants without an integration.
     */
    public Uni<Void> deleteAll() {
        return pool.withTransaction(tx -> integrations
                .list(tx)
                .flatMap(all -> pacticipants
                        .allDeleted(tx)
                        .call(() -> integrations.deleteAll(tx))
                        .call(() -> outbox.appendAll(
                                tx, all.stream().map(IntegrationService::event).toList()))
                        .call(pacticipantEvents -> outbox.appendAll(tx, pacticipantEvents))
                        .replaceWithVoid()));
    }

    private Uni<Void> deleted(SqlClient tx, Integration integration) {
        return outbox.append(tx, event(integration));
    }

    private static IntegrationDeleted event(Integration integration) {
        return new IntegrationDeleted(integration.consumerName(), integration.providerName());
    }

    /** Deletes every pact publication between the two. */
    public Uni<Void> deletePacts(String consumer, String provider) {
        return pool.withTransaction(tx -> find(tx, consumer, provider)
                .call(integration -> integrations.deletePublications(tx, integration))
                .call(integration -> outbox.append(tx, PactDeleted.allVersions(consumer, provider)))
                .replaceWithVoid());
    }

    private Uni<Integration> find(SqlClient tx, String consumer, String provider) {
        return integrations
                .find(tx, consumer, provider)
                .map(found -> found.orElseThrow(() -> new NotFoundException(
                        "No integration between the consumer " + consumer + " and the provider " + provider)));
    }
}
