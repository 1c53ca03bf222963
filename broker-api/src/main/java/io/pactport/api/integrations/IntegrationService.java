package io.pactport.api.integrations;

import io.pactport.api.events.Outbox;
import io.pactport.api.http.NotFoundException;
import io.pactport.core.events.PactportEvent.IntegrationDeleted;
import io.pactport.core.events.PactportEvent.PactDeleted;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Listing integrations, and deleting one's contract data, each deletion in one transaction with its event. */
@ApplicationScoped
public class IntegrationService {

    private final Pool pool;
    private final IntegrationRepository integrations;
    private final Outbox outbox;

    IntegrationService(Pool pool, IntegrationRepository integrations, Outbox outbox) {
        this.pool = pool;
        this.integrations = integrations;
        this.outbox = outbox;
    }

    public Uni<List<Integration>> list() {
        return integrations.list(pool);
    }

    /** Deletes the integration with its pacts, verifications and webhooks. */
    public Uni<Void> delete(String consumer, String provider) {
        return pool.withTransaction(tx -> find(tx, consumer, provider)
                .call(integration -> integrations.delete(tx, integration))
                .call(integration -> outbox.append(tx, new IntegrationDeleted(consumer, provider)))
                .replaceWithVoid());
    }

    /** Deletes every pact publication between the two. */
    public Uni<Void> deletePacts(String consumer, String provider) {
        return pool.withTransaction(tx -> find(tx, consumer, provider)
                .call(integration -> integrations.deletePublications(tx, integration))
                .call(integration -> outbox.append(tx, PactDeleted.allVersions(consumer, provider)))
                .replaceWithVoid());
    }

    private Uni<Integration> find(io.vertx.mutiny.sqlclient.SqlClient tx, String consumer, String provider) {
        return integrations
                .find(tx, consumer, provider)
                .map(found -> found.orElseThrow(() -> new NotFoundException(
                        "No integration between the consumer " + consumer + " and the provider " + provider)));
    }
}
