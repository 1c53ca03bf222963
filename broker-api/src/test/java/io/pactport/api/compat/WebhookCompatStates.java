package io.pactport.api.compat;

import au.com.dius.pact.provider.junitsupport.State;
import io.pactport.core.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;

/**
 * The provider states of the compat pacts' webhook interactions, seeded as the Ruby broker would have written them.
 * Registered by {@link PactBrokerClientCompatTest} as a state change handler.
 */
final class WebhookCompatStates {

    /**
     * Given by {@link CompatPacts} to the webhook interactions that name no state: the Pact Broker's verification ran
     * each interaction on a clean database, and these depend on it ("a consumer that does not exist").
     */
    static final String EMPTY_DATABASE = "an empty database (webhook interactions without a state)";

    static final String WEBHOOK_UUID = "696c5f93-1b7f-44bc-8d03-59440fcaa9a0";

    private final TestDatabase database;

    WebhookCompatStates(TestDatabase database) {
        this.database = database;
    }

    @State(EMPTY_DATABASE)
    void emptyDatabase() {
        seed(data -> {});
    }

    @State("the 'Pricing Service' and 'Condor' already exist in the pact-broker")
    void condorAndPricingServiceExist() {
        seed(data -> data.consumer("Condor").provider("Pricing Service"));
    }

    private void seed(java.util.function.Consumer<CompatData> steps) {
        try (CompatData data = CompatData.fresh(database)) {
            steps.accept(data);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @State("a webhook with the uuid " + WEBHOOK_UUID + " exists")
    void webhookExists() {
        condorAndPricingServiceExist();
        try (Connection c = database.connect();
                PreparedStatement webhook = c.prepareStatement("""
                        INSERT INTO webhooks (uuid, method, url, body, is_json_request_body, consumer_id, provider_id,
                                              username, password, enabled, description, headers, created_at,
                                              updated_at)
                        SELECT ?, 'POST', 'https://example.org/old', '{"old":"body"}', true, c.id, p.id, 'username',
                               ?, true, 'an old webhook', '{"foo":"bar"}', now(), now()
                        FROM pacticipants c, pacticipants p WHERE c.name = 'Condor' AND p.name = 'Pricing Service'
                        """);
                PreparedStatement event = c.prepareStatement("""
                        INSERT INTO webhook_events (webhook_id, name, created_at, updated_at)
                        SELECT id, 'contract_content_changed', now(), now() FROM webhooks WHERE uuid = ?
                        """)) {
            webhook.setString(1, WEBHOOK_UUID);
            webhook.setString(2, Base64.getEncoder().encodeToString("password".getBytes(StandardCharsets.UTF_8)));
            webhook.executeUpdate();
            event.setString(1, WEBHOOK_UUID);
            event.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
