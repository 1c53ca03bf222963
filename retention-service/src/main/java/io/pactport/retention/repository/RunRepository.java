package io.pactport.retention.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactport.retention.model.RetentionRun;
import io.pactport.retention.model.RunStatus;
import io.pactport.retention.model.RunTrigger;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The run history in {@code pactport_retention_runs}. */
@ApplicationScoped
public class RunRepository {

    private static final String INSERT = """
            INSERT INTO pactport_retention_runs (run_trigger, dry_run, status, started_at, selectors)
            VALUES (?, ?, ?, ?, ?::json) RETURNING id
            """;
    private static final String FINISH = """
            UPDATE pactport_retention_runs SET status = ?, finished_at = ?, versions_deleted = ?, versions_kept = ?,
              result = ?::json, message = ?
            WHERE id = ?
            """;
    private static final String COLUMNS = """
            SELECT id, run_trigger, dry_run, status, started_at, finished_at, versions_deleted, versions_kept,
              selectors::text AS selectors, result::text AS result, message FROM pactport_retention_runs
            """;
    private static final String LIST = COLUMNS + " ORDER BY id DESC LIMIT ?";
    private static final String ONE = COLUMNS + " WHERE id = ?";

    private final ObjectMapper json;

    RunRepository(ObjectMapper json) {
        this.json = json;
    }

    public long start(Connection c, RunTrigger trigger, boolean dryRun, OffsetDateTime startedAt, Object selectors)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, trigger.label());
            s.setBoolean(2, dryRun);
            s.setString(3, RunStatus.RUNNING.label());
            s.setObject(4, startedAt);
            s.setString(5, write(selectors));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public void finish(
            Connection c,
            long id,
            RunStatus status,
            OffsetDateTime finishedAt,
            int versionsDeleted,
            Long versionsKept,
            Object result,
            String message)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(FINISH)) {
            s.setString(1, status.label());
            s.setObject(2, finishedAt);
            s.setInt(3, versionsDeleted);
            if (versionsKept == null) {
                s.setNull(4, Types.INTEGER);
            } else {
                s.setLong(4, versionsKept);
            }
            s.setString(5, result == null ? null : write(result));
            s.setString(6, message);
            s.setLong(7, id);
            s.executeUpdate();
        }
    }

    public List<RetentionRun> list(Connection c, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LIST)) {
            s.setInt(1, limit);
            return read(s);
        }
    }

    public Optional<RetentionRun> find(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(ONE)) {
            s.setLong(1, id);
            return read(s).stream().findFirst();
        }
    }

    private List<RetentionRun> read(PreparedStatement s) throws SQLException {
        List<RetentionRun> runs = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                OffsetDateTime started = rs.getObject("started_at", OffsetDateTime.class);
                OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
                long kept = rs.getLong("versions_kept");
                runs.add(new RetentionRun(
                        rs.getLong("id"),
                        RunTrigger.of(rs.getString("run_trigger")),
                        rs.getBoolean("dry_run"),
                        RunStatus.of(rs.getString("status")),
                        started,
                        finished,
                        finished == null
                                ? null
                                : Duration.between(started, finished).toMillis(),
                        rs.getInt("versions_deleted"),
                        rs.wasNull() ? null : kept,
                        tree(rs.getString("selectors")),
                        tree(rs.getString("result")),
                        rs.getString("message")));
            }
        }
        return runs;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private com.fasterxml.jackson.databind.JsonNode tree(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON in pactport_retention_runs", e);
        }
    }
}
