package io.pactport.api.matrix;

import io.pactport.api.matrix.MatrixRepository.RowCriteria;
import io.pactport.api.matrix.MatrixRepository.RowOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The matrix row statement, in the Pact Broker's steps: the latest pacts of the selected consumer versions (each
 * branch limited to the newest {@code limit}), left-joined to the latest verifications by the selected provider
 * versions, limited by last action date; then {@code latestby} collapses, the outcome filter, and the Pact Broker's
 * row order. Parameters: {@code :whole} whole-pacticipant ids, {@code :versions} version ids,
 * {@code :all} every selected pacticipant id, {@code :asked} the asked pacticipants' ids, {@code :limit}. Branches for
 * empty id lists are left out of the text, so each plan sees only index conditions that can match.
 */
final class MatrixRowsSql {

    private static final String PACT_COLUMNS = "lp.consumer_id, lp.provider_id, lp.consumer_version_id,"
            + " lp.pact_publication_id, lp.pact_version_id, lp.created_at AS consumer_version_created_at";
    private static final String LAST_ACTION = "CASE WHEN lv.created_at IS NOT NULL AND lv.created_at > "
            + "p.consumer_version_created_at THEN lv.created_at ELSE p.consumer_version_created_at END";

    private MatrixRowsSql() {}

    static String sql(RowCriteria criteria, RowOptions options) {
        boolean whole = !criteria.wholePacticipantIds().isEmpty();
        boolean versions = !criteria.versionIds().isEmpty();
        String limited = criteria.singleSelector() ? oneSelector(whole, versions) : selectors(whole, versions);
        String collapse = switch (options.latestby() == null ? "" : options.latestby()) {
            case "cvp" -> "DISTINCT ON (r.consumer_version_id, r.provider_id)";
            case "cp" -> "DISTINCT ON (r.consumer_id, r.provider_id)";
            default -> "";
        };
        String collapseOrder = collapse.isEmpty()
                ? ""
                : " ORDER BY " + collapse.substring("DISTINCT ON (".length(), collapse.length() - 1)
                        + ", pv.\"order\" DESC NULLS LAST";
        String success = "";
        if (options.success() != null) {
            List<String> tests = new ArrayList<>();
            if (options.success().contains(Boolean.TRUE)) {
                tests.add("ver.success");
            }
            if (options.success().contains(Boolean.FALSE)) {
                tests.add("NOT ver.success");
            }
            if (options.success().contains(null)) {
                tests.add("ver.success IS NULL");
            }
            success = " WHERE " + (tests.isEmpty() ? "false" : "(" + String.join(" OR ", tests) + ")");
        }
        return "WITH limited AS (" + limited + "), collapsed AS (SELECT " + collapse + " r.*,"
                + " pv.\"order\" AS provider_version_order FROM limited r"
                + " LEFT JOIN versions pv ON pv.id = r.provider_version_id" + collapseOrder + ")"
                + " SELECT r.consumer_id, c.name AS consumer_name, r.consumer_version_id,"
                + " cv.number AS consumer_version_number, r.pact_publication_id, pp.revision_number, pvs.sha,"
                + " pp.created_at AS pact_created_at, r.provider_id, pr.name AS provider_name, r.provider_version_id,"
                + " pv.number AS provider_version_number, r.verification_id, ver.number AS verification_number,"
                + " ver.success, ver.execution_date"
                + " FROM collapsed r JOIN pacticipants c ON c.id = r.consumer_id"
                + " JOIN pacticipants pr ON pr.id = r.provider_id"
                + " JOIN versions cv ON cv.id = r.consumer_version_id"
                + " LEFT JOIN versions pv ON pv.id = r.provider_version_id"
                + " JOIN pact_publications pp ON pp.id = r.pact_publication_id"
                + " JOIN pact_versions pvs ON pvs.id = r.pact_version_id"
                + " LEFT JOIN verifications ver ON ver.id = r.verification_id" + success
                + " ORDER BY c.name COLLATE \"C\", cv.\"order\" DESC, pp.revision_number DESC, pr.name COLLATE \"C\","
                + " pv.\"order\" DESC NULLS FIRST, r.verification_id DESC NULLS FIRST";
    }

    /**
     * Several selectors: pacts of the selected consumer versions for selected providers, each joined only to
     * verifications by selected provider versions of selected consumers, so that a pact no selected provider version
     * verified stays as a row without a verification (the "unknown" of can-i-deploy).
     */
    private static String selectors(boolean whole, boolean versions) {
        List<String> pacts = new ArrayList<>();
        List<String> verifiedBy = new ArrayList<>();
        if (whole) {
            pacts.add("(SELECT " + PACT_COLUMNS + " FROM latest_pact_publication_ids_for_consumer_versions lp"
                    + " WHERE lp.consumer_id = ANY(:whole) AND lp.provider_id = ANY(:all) ORDER BY lp.created_at DESC"
                    + " LIMIT :limit)");
            verifiedBy.add("lv.provider_id = ANY(:whole)");
        }
        if (versions) {
            pacts.add("(SELECT " + PACT_COLUMNS + " FROM latest_pact_publication_ids_for_consumer_versions lp"
                    + " WHERE lp.consumer_version_id = ANY(:versions) AND lp.provider_id = ANY(:all)"
                    + " ORDER BY lp.created_at DESC LIMIT :limit)");
            verifiedBy.add("lv.provider_version_id = ANY(:versions)");
        }
        if (pacts.isEmpty()) {
            return empty();
        }
        return "SELECT p.*, lv.provider_version_id, lv.verification_id FROM (" + String.join(" UNION ", pacts)
                + ") p LEFT JOIN latest_verification_id_for_pact_version_and_provider_version lv"
                + " ON lv.pact_version_id = p.pact_version_id AND lv.consumer_id = ANY(:all)"
                + " AND (" + String.join(" OR ", verifiedBy) + ")"
                + " WHERE (p.consumer_id = ANY(:asked) OR p.provider_id = ANY(:asked))"
                + " ORDER BY " + LAST_ACTION
                + " DESC, p.pact_publication_id DESC, lv.verification_id DESC LIMIT :limit";
    }

    /**
     * One selector: its pacts as consumer with every verification of them, and its verifications as provider with the
     * pacts they verified, whoever the consumer.
     */
    private static String oneSelector(boolean whole, boolean versions) {
        if (!whole && !versions) {
            return empty();
        }
        String asConsumer = whole ? "lp.consumer_id = ANY(:whole)" : "lp.consumer_version_id = ANY(:versions)";
        String asProvider = whole ? "lv.provider_id = ANY(:whole)" : "lv.provider_version_id = ANY(:versions)";
        return "SELECT * FROM ("
                + "SELECT p.*, lv.provider_version_id, lv.verification_id, " + LAST_ACTION + " AS last_action FROM"
                + " (SELECT " + PACT_COLUMNS + " FROM latest_pact_publication_ids_for_consumer_versions lp WHERE "
                + asConsumer + " ORDER BY lp.created_at DESC LIMIT :limit) p"
                + " LEFT JOIN latest_verification_id_for_pact_version_and_provider_version lv"
                + " ON lv.pact_version_id = p.pact_version_id"
                + " UNION SELECT p.*, lv.provider_version_id, lv.verification_id, " + LAST_ACTION + " FROM"
                + " latest_verification_id_for_pact_version_and_provider_version lv CROSS JOIN LATERAL (SELECT "
                + PACT_COLUMNS + " FROM latest_pact_publication_ids_for_consumer_versions lp"
                + " WHERE lp.pact_version_id = lv.pact_version_id ORDER BY lp.created_at DESC LIMIT :limit) p"
                + " WHERE " + asProvider
                + ") u ORDER BY last_action DESC, pact_publication_id DESC,"
                + " verification_id DESC LIMIT :limit";
    }

    private static String empty() {
        return "SELECT NULL::integer AS consumer_id, NULL::integer AS provider_id, NULL::integer AS consumer_version_id,"
                + " NULL::integer AS pact_publication_id, NULL::integer AS pact_version_id,"
                + " NULL::timestamp AS consumer_version_created_at, NULL::integer AS provider_version_id,"
                + " NULL::integer AS verification_id WHERE false";
    }
}
