package io.pactport.api.pacts;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import java.util.List;

/**
 * Told of every pact publication inside the publication's own transaction, so that what it sets off (the webhooks
 * feature schedules its webhooks) is committed, or lost, with the pact. Pacts know nothing of webhooks beyond this.
 */
public interface PublicationListener {

    /**
     * @param describe whether the publisher reads the events ({@code POST /contracts/publish} lists them in its
     *     notices); when false and nothing listens, the listener may skip working them out
     * @return the events the publication fired, in the Pact Broker's order
     */
    Uni<List<DetectedEvent>> published(SqlClient tx, PactPublishService.Published published, boolean describe);

    /** An event a publication fired, as the Pact Broker lists it to the publisher: why (or null), what it triggered. */
    record DetectedEvent(String name, String comment, List<TriggeredWebhook> triggered) {}

    /** A webhook run an event scheduled; its logs are at {@code {baseUrl}/triggered-webhooks/{uuid}/logs}. */
    record TriggeredWebhook(String uuid, String webhookUuid, String webhookDescription, String baseUrl) {}
}
