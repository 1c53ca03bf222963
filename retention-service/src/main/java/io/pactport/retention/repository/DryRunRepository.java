package io.pactport.retention.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The read-only queries of a dry run and a preview: what a run would delete and keep, per pacticipant and selector. */
@ApplicationScoped
public class DryRunRepository {

    /** Per pacticipant and side (to delete / to keep): the count and the first and last version of that side. */
    private static final String SUMMARY = """
            WITH doomed AS MATERIALIZED (SELECT v.id FROM versions v WHERE NOT %s ORDER BY v.id LIMIT ?),
            marked AS (
              SELECT v.id, v.pacticipant_id, v.number, v."order", v.created_at, d.id IS NOT NULL AS doomed
              FROM versions v LEFT JOIN doomed d ON d.id = v.id),
            ranked AS (
              SELECT m.*, count(*) OVER side AS n,
                row_number() OVER (PARTITION BY pacticipant_id, doomed ORDER BY id) AS first_by_id,
                row_number() OVER (PARTITION BY pacticipant_id, doomed ORDER BY id DESC) AS last_by_id,
                row_number() OVER (PARTITION BY pacticipant_id, doomed ORDER BY "order", id) AS first_by_order,
                row_number() OVER (PARTITION BY pacticipant_id, doomed ORDER BY "order" DESC, id DESC) AS last_by_order
              FROM marked m WINDOW side AS (PARTITION BY pacticipant_id, doomed))
            SELECT r.pacticipant_id, r.doomed, r.n, r.number, r.created_at,
              CASE WHEN r.doomed THEN r.first_by_id = 1 ELSE r.first_by_order = 1 END AS is_first,
              CASE WHEN r.doomed THEN r.last_by_id = 1 ELSE r.last_by_order = 1 END AS is_last,
              ARRAY(SELECT t.name FROM tags t WHERE t.version_id = r.id ORDER BY t.name) AS tags
            FROM ranked r
            WHERE (r.doomed AND (r.first_by_id = 1 OR r.last_by_id = 1))
               OR (NOT r.doomed AND (r.first_by_order = 1 OR r.last_by_order = 1))
            """;

    private static final String PACTICIPANTS = "SELECT id, name FROM pacticipants ORDER BY lower(name), name";
    private static final String OVERWRITTEN = """
            SELECT
              (SELECT count(*) FROM (SELECT 1 FROM pact_publications pp WHERE pp.created_at < ? AND NOT EXISTS
                 (SELECT 1 FROM latest_pact_publication_ids_for_consumer_versions l WHERE l.pact_publication_id = pp.id)
                 LIMIT ?) x) AS pact_publications,
              (SELECT count(*) FROM (SELECT 1 FROM verifications vf WHERE vf.created_at < ? AND NOT EXISTS
                 (SELECT 1 FROM latest_verification_id_for_pact_version_and_provider_version l
                  WHERE l.verification_id = vf.id) LIMIT ?) x) AS verification_results,
              (SELECT count(*) FROM (SELECT 1 FROM pact_versions pv
                 WHERE NOT EXISTS (SELECT 1 FROM pact_publications pp WHERE pp.pact_version_id = pv.id)
                   AND NOT EXISTS (SELECT 1 FROM verifications vf WHERE vf.pact_version_id = pv.id) LIMIT ?) x)
                 AS pact_versions,
              (SELECT count(*) FROM (SELECT 1 FROM triggered_webhooks tw WHERE tw.created_at < ? AND NOT EXISTS
                 (SELECT 1 FROM latest_triggered_webhooks l WHERE l.id = tw.id) LIMIT ?) x) AS triggered_webhooks,
              (SELECT count(*) FROM pact_publications) AS all_pact_publications,
              (SELECT count(*) FROM verifications) AS all_verification_results,
              (SELECT count(*) FROM pact_versions) AS all_pact_versions,
              (SELECT count(*) FROM triggered_webhooks) AS all_triggered_webhooks
            """;

    /** One version in a summary. */
    public record VersionRow(
            long pacticipantId,
            boolean doomed,
            long count,
            String number,
            LocalDateTime createdAt,
            boolean first,
            boolean last,
            List<String> tags) {}

    /** Versions kept by each selector, then by any of them, then all versions: one scan of versions. */
    public List<Long> keptCounts(Connection c, List<SqlFragment> perSelector, SqlFragment any) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (SqlFragment selector : perSelector) {
            sql.append("count(*) FILTER (WHERE ").append(selector.sql()).append("), ");
        }
        sql.append("count(*) FILTER (WHERE ").append(any.sql()).append("), count(*) FROM versions v");
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            int next = 1;
            for (SqlFragment selector : perSelector) {
                next = selector.bind(s, next);
            }
            any.bind(s, next);
            List<Long> counts = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                for (int i = 1; i <= perSelector.size() + 2; i++) {
                    counts.add(rs.getLong(i));
                }
            }
            return counts;
        }
    }

    public List<VersionRow> summary(Connection c, SqlFragment keep, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SUMMARY.formatted(keep.sql()))) {
            int next = keep.bind(s, 1);
            s.setInt(next, limit);
            List<VersionRow> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new VersionRow(
                            rs.getLong("pacticipant_id"),
                            rs.getBoolean("doomed"),
                            rs.getLong("n"),
                            rs.getString("number"),
                            rs.getObject("created_at", LocalDateTime.class),
                            rs.getBoolean("is_first"),
                            rs.getBoolean("is_last"),
                            Arrays.asList((String[]) rs.getArray("tags").getArray())));
                }
            }
            return rows;
        }
    }

    /** Pacticipant id → name, ordered by name ignoring case, as the Pact Broker's report lists them. */
    public Map<Long, String> pacticipants(Connection c) throws SQLException {
        Map<Long, String> out = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(PACTICIPANTS);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getLong("id"), rs.getString("name"));
            }
        }
        return out;
    }

    /**
     * Overwritten data a run would delete (each kind up to {@code limit}) and the totals, keyed as the Pact Broker's
     * {@code DeleteOverwrittenData} reports them.
     */
    public Map<String, long[]> overwritten(Connection c, LocalDateTime cutOff, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(OVERWRITTEN)) {
            s.setObject(1, cutOff);
            s.setInt(2, limit);
            s.setObject(3, cutOff);
            s.setInt(4, limit);
            s.setInt(5, limit);
            s.setObject(6, cutOff);
            s.setInt(7, limit);
            Map<String, long[]> out = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                for (String kind :
                        List.of("pact_publications", "verification_results", "pact_versions", "triggered_webhooks")) {
                    out.put(kind, new long[] {rs.getLong(kind), rs.getLong("all_" + kind)});
                }
            }
            return out;
        }
    }
}
