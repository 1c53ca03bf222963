package io.pactport.sync.repository;

import io.pactport.sync.model.Question;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The can-i-deploy questions Pactport's broker-api answered ({@code pactport_can_i_deploy_questions}, written by
 * broker-api). JDBC: the cut-over work is blocking HTTP on a worker thread anyway.
 */
@ApplicationScoped
public class AskedQuestionRepository {

    private static final String RECENT = """
            SELECT pacticipant, version, environment, to_tag FROM pactport_can_i_deploy_questions
            WHERE last_asked_at >= ? ORDER BY last_asked_at DESC LIMIT ?
            """;
    private static final String FORGET = "DELETE FROM pactport_can_i_deploy_questions WHERE last_asked_at < ?";

    private final DataSource dataSource;

    AskedQuestionRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The questions asked since {@code since}, newest first; those asked before it are forgotten. */
    public List<Question> recent(Instant since, int limit) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement forget = c.prepareStatement(FORGET)) {
                forget.setTimestamp(1, Timestamp.from(since));
                forget.executeUpdate();
            }
            List<Question> questions = new ArrayList<>();
            try (PreparedStatement recent = c.prepareStatement(RECENT)) {
                recent.setTimestamp(1, Timestamp.from(since));
                recent.setInt(2, limit);
                try (ResultSet rows = recent.executeQuery()) {
                    while (rows.next()) {
                        questions.add(from(rows));
                    }
                }
            }
            return questions;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the recent can-i-deploy questions: " + e.getMessage(), e);
        }
    }

    private static Question from(ResultSet row) throws SQLException {
        String environment = row.getString("environment");
        String to = row.getString("to_tag");
        return new Question(
                row.getString("pacticipant"),
                row.getString("version"),
                environment.isEmpty() ? null : environment,
                to.isEmpty() ? null : to);
    }
}
