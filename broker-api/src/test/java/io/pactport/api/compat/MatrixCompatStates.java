package io.pactport.api.compat;

import au.com.dius.pact.provider.junitsupport.State;
import io.pactport.core.pact.PactContent;
import io.pactport.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The provider states of the compat pacts' matrix interactions: consumer versions with pacts of their own content
 * (a verification belongs to content, so two outcomes need two contents) and provider versions that verified them,
 * written with the helper rows the Ruby broker writes.
 */
public class MatrixCompatStates {

    private final TestDatabase database;

    public MatrixCompatStates(TestDatabase database) {
        this.database = database;
    }

    @State("the pact for Foo version 1.2.3 has been verified by Bar version 4.5.6")
    public void fooVerifiedByBar() {
        seed(d -> d.verified("Foo", "1.2.3", "Bar", "4.5.6", true));
    }

    @State("the pact for Foo Thing version 1.2.3 has been verified by Bar version 4.5.6")
    public void fooThingVerifiedByBar() {
        seed(d -> d.verified("Foo Thing", "1.2.3", "Bar", "4.5.6", true));
    }

    @State("the pact for Foo version 1.2.3 has been verified by Bar version 4.5.6 and version 5.6.7")
    public void fooVerifiedByTwoBars() {
        seed(d -> {
            d.verified("Foo", "1.2.3", "Bar", "4.5.6", true);
            d.verified("Foo", "1.2.3", "Bar", "5.6.7", true);
        });
    }

    @State("the pact for Foo version 1.2.3 and 1.2.4 has been verified by Bar version 4.5.6")
    public void twoFoosVerifiedByBar() {
        seed(d -> {
            d.verified("Foo", "1.2.3", "Bar", "4.5.6", true);
            d.verified("Foo", "1.2.4", "Bar", "4.5.6", true);
        });
    }

    @State("the pact for Foo version 1.2.3 has been successfully verified by Bar version 4.5.6, and 1.2.4"
            + " unsuccessfully by 9.9.9")
    public void oneSuccessOneFailure() {
        seed(d -> {
            d.verified("Foo", "1.2.3", "Bar", "4.5.6", true);
            d.verified("Foo", "1.2.4", "Bar", "9.9.9", false);
        });
    }

    @State("the pact for Foo version 1.2.3 has been successfully verified by Bar version 4.5.6 with tag prod, and 1.2.4"
            + " unsuccessfully by 9.9.9")
    public void oneTaggedSuccessOneFailure() {
        seed(d -> {
            d.verified("Foo", "1.2.3", "Bar", "4.5.6", true);
            d.tag("Bar", "4.5.6", "prod");
            d.verified("Foo", "1.2.4", "Bar", "9.9.9", false);
        });
    }

    @State("the pact for Foo version 1.2.3 has been successfully verified by Bar version 4.5.6 (tagged prod) and"
            + " version 5.6.7")
    public void verifiedByTaggedAndLaterBar() {
        seed(d -> {
            d.verified("Foo", "1.2.3", "Bar", "4.5.6", true);
            d.tag("Bar", "4.5.6", "prod");
            d.verified("Foo", "1.2.3", "Bar", "5.6.7", true);
        });
    }

    @State("provider Bar version 4.5.6 has a successful verification for Foo version 1.2.3 tagged prod and a failed"
            + " verification for version 3.4.5 tagged prod")
    public void barVerifiedTwoProdFoos() {
        seed(d -> {
            d.verified("Foo", "1.2.3", "Bar", "4.5.6", true);
            d.tag("Foo", "1.2.3", "prod");
            d.verified("Foo", "3.4.5", "Bar", "4.5.6", false);
            d.tag("Foo", "3.4.5", "prod");
        });
    }

    private interface Steps {
        void apply(Rows rows) throws SQLException;
    }

    private void seed(Steps steps) {
        // CompatData empties every table: each state starts from nothing
        try (CompatData emptied = CompatData.fresh(database);
                Connection c = database.connect()) {
            steps.apply(new Rows(c));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows in the Pact Broker's tables, found or created by name. */
    private record Rows(Connection c) {

        /** A pact from the consumer version (content of its own) verified by the provider version. */
        void verified(String consumer, String consumerVersion, String provider, String providerVersion, boolean success)
                throws SQLException {
            long consumerId = pacticipant(consumer);
            long providerId = pacticipant(provider);
            long cv = version(consumerId, consumerVersion);
            long pactVersion = pact(consumer, consumerId, cv, provider, providerId, consumerVersion);
            long pv = version(providerId, providerVersion);
            long verification = id("""
                    INSERT INTO verifications (number, success, pact_version_id, execution_date, created_at,
                                               provider_version_id, consumer_id, provider_id)
                    VALUES (nextval('verification_number_sequence'), ?, ?, now() AT TIME ZONE 'UTC',
                            now() AT TIME ZONE 'UTC', ?, ?, ?) RETURNING id""", success, pactVersion, pv, consumerId, providerId);
            update("""
                    INSERT INTO latest_verification_id_for_pact_version_and_provider_version
                           (consumer_id, pact_version_id, provider_id, provider_version_id, verification_id, created_at)
                    VALUES (?, ?, ?, ?, ?, now() AT TIME ZONE 'UTC')
                    ON CONFLICT (pact_version_id, provider_version_id) DO UPDATE
                    SET verification_id = excluded.verification_id""", consumerId, pactVersion, providerId, pv, verification);
        }

        void tag(String pacticipant, String version, String tag) throws SQLException {
            long id = version(pacticipant(pacticipant), version);
            update("""
                    INSERT INTO tags (name, version_id, pacticipant_id, version_order, created_at, updated_at)
                    SELECT ?, id, pacticipant_id, "order", now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
                    FROM versions WHERE id = ? ON CONFLICT DO NOTHING""", tag, id);
        }

        private long pacticipant(String name) throws SQLException {
            update("""
                    INSERT INTO pacticipants (name, created_at, updated_at)
                    VALUES (?, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC') ON CONFLICT (name) DO NOTHING""", name);
            return id("SELECT id FROM pacticipants WHERE name = ?", name);
        }

        private long version(long pacticipantId, String number) throws SQLException {
            update("""
                    INSERT INTO versions (number, pacticipant_id, "order", created_at, updated_at)
                    VALUES (?, ?, nextval('version_order_sequence'), now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
                    ON CONFLICT (pacticipant_id, number) DO NOTHING""", number, pacticipantId);
            return id("SELECT id FROM versions WHERE pacticipant_id = ? AND number = ?", pacticipantId, number);
        }

        /** The consumer version's pact for the provider (found or created), its content naming the version. */
        private long pact(
                String consumer, long consumerId, long cv, String provider, long providerId, String consumerVersion)
                throws SQLException {
            PactContent content = PactContent.parse("""
                    {"consumer":{"name":"%s"},"provider":{"name":"%s"},"interactions":[{"description":"for %s",
                    "request":{"method":"GET","path":"/"},"response":{"status":200}}],
                    "metadata":{"pactSpecification":{"version":"2.0.0"}}}""".formatted(consumer, provider, consumerVersion));
            update("""
                    INSERT INTO pact_versions (consumer_id, provider_id, sha, content, created_at, interactions_count,
                                               messages_count)
                    VALUES (?, ?, ?, ?, now() AT TIME ZONE 'UTC', 1, 0) ON CONFLICT DO NOTHING""", consumerId, providerId, content.sha(), content.withInteractionIds());
            long pactVersion = id(
                    "SELECT id FROM pact_versions WHERE consumer_id = ? AND provider_id = ? AND sha = ?",
                    consumerId,
                    providerId,
                    content.sha());
            update("""
                    INSERT INTO pact_publications (consumer_version_id, provider_id, revision_number, pact_version_id,
                                                   created_at, consumer_id, consumer_version_order)
                    SELECT id, ?, 1, ?, now() AT TIME ZONE 'UTC', pacticipant_id, "order" FROM versions WHERE id = ?
                    ON CONFLICT DO NOTHING""", providerId, pactVersion, cv);
            update("""
                    INSERT INTO latest_pact_publication_ids_for_consumer_versions (consumer_id, consumer_version_id,
                           provider_id, pact_publication_id, pact_version_id, created_at)
                    SELECT consumer_id, consumer_version_id, provider_id, id, pact_version_id, created_at
                    FROM pact_publications WHERE consumer_version_id = ? AND provider_id = ? ON CONFLICT DO NOTHING""", cv, providerId);
            update("""
                    INSERT INTO integrations (consumer_id, provider_id, consumer_name, created_at,
                                              contract_data_updated_at)
                    VALUES (?, ?, ?, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC') ON CONFLICT DO NOTHING""", consumerId, providerId, consumer);
            return pactVersion;
        }

        private long id(String sql, Object... params) throws SQLException {
            try (PreparedStatement s = prepare(sql, params);
                    ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }

        private void update(String sql, Object... params) throws SQLException {
            try (PreparedStatement s = prepare(sql, params)) {
                s.executeUpdate();
            }
        }

        private PreparedStatement prepare(String sql, Object... params) throws SQLException {
            PreparedStatement s = c.prepareStatement(sql);
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s;
        }
    }
}
