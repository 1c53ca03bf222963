package io.pactport.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;

/**
 * {@code pact_versions} rows exactly as the Pact Broker 2.120 stored them: the SHA, content and counts its own Ruby
 * code computed for the pacts and PATCH merges of the SHA vectors ({@code pact-sha/vectors.json}), each under its own
 * consumer so that equal SHAs do not collide.
 */
public final class RubyWrittenPacts {

    /**
     * @param pacts rows written
     * @param recordedUnderAnotherSha of which the stored SHA is not that of the stored content (merges that added
     *                                something: the broker records them under the SHA of the pact merged in)
     */
    public record Summary(int pacts, int recordedUnderAnotherSha) {}

    private RubyWrittenPacts() {}

    /** Writes them (with their pacticipants) into a Pact Broker database. */
    public static Summary insert(TestDatabase db) {
        JsonNode vectors = vectors();
        int pacts = 0;
        int differing = 0;
        try (Connection c = db.connect()) {
            long provider = pacticipant(c, "Ruby Broker Provider");
            for (JsonNode pact : vectors.get("pacts")) {
                if (!pact.has("error")) {
                    insert(c, "Ruby Broker pact " + pact.get("input").asText(), provider, pact);
                    pacts++;
                }
            }
            for (JsonNode merge : vectors.get("merges")) {
                if (!merge.get("conflict").asBoolean()) {
                    insert(c, "Ruby Broker merge " + merge.get("name").asText(), provider, merge);
                    pacts++;
                    differing += merge.get("sha").equals(merge.get("stored_content_sha")) ? 0 : 1;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the Ruby broker's pacts: " + e.getMessage(), e);
        }
        return new Summary(pacts, differing);
    }

    private static void insert(Connection c, String consumerName, long provider, JsonNode vector) throws SQLException {
        long consumer = pacticipant(c, consumerName);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO pact_versions (consumer_id, provider_id, sha,"
                + " content, created_at, messages_count, interactions_count, has_messages)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, consumer);
            s.setLong(2, provider);
            s.setString(3, vector.get("sha").asText());
            s.setString(4, vector.get("stored_content").asText());
            s.setTimestamp(5, Timestamp.valueOf(LocalDateTime.of(2026, 6, 1, 12, 0)));
            s.setInt(6, vector.get("messages_count").asInt());
            s.setInt(7, vector.get("interactions_count").asInt());
            s.setBoolean(8, vector.get("has_messages").asBoolean());
            s.executeUpdate();
        }
    }

    private static long pacticipant(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO pacticipants (name, created_at, updated_at)" + " VALUES (?, now(), now())",
                Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, name);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong("id");
            }
        }
    }

    private static JsonNode vectors() {
        try (InputStream in = RubyWrittenPacts.class.getResourceAsStream("/pact-sha/vectors.json")) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /pact-sha/vectors.json");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("could not read the SHA vectors", e);
        }
    }
}
