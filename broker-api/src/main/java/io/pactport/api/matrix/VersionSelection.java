package io.pactport.api.matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * The statement for the versions a matrix selector names, for an array of pacticipants ({@code $1}): a lateral
 * sub-select per pacticipant, driven by the index of the most selective criterion, so that "the latest prod version"
 * reads one index entry, not the pacticipant's history.
 */
public final class VersionSelection {

    private VersionSelection() {}

    /** @param params holds {@code $1} already; the selector's values are appended */
    public static String sql(MatrixSelector s, Long environmentId, List<Object> params) {
        List<String> where = new ArrayList<>();
        String from;
        String order = "v.\"order\"";
        String env = null;
        if (s.environment() != null) {
            String e = param(params, environmentId);
            env = "v.id IN (SELECT c.version_id FROM currently_deployed_version_ids c"
                    + " WHERE c.pacticipant_id = p.id AND c.environment_id = " + e
                    + " UNION SELECT r.version_id FROM released_versions r WHERE r.pacticipant_id = p.id"
                    + " AND r.environment_id = " + e + " AND r.support_ended_at IS NULL)";
        }
        boolean branchDriven = false;
        boolean tagDriven = false;
        if (s.version() != null) {
            from = "versions v";
            where.add("v.pacticipant_id = p.id");
            where.add("v.number = " + param(params, s.version()));
        } else if (env != null) {
            from = "versions v";
            where.add(env);
            env = null;
        } else if (s.branch() != null || s.mainBranch()) {
            branchDriven = true;
            String branchName = s.branch() != null ? param(params, s.branch()) : "pp.main_branch";
            if (s.latest()) {
                from = "branch_heads bh JOIN versions v ON v.id = bh.version_id";
                where.add("bh.pacticipant_id = p.id");
                where.add("bh.branch_name = " + branchName);
            } else {
                from = "branch_versions bv JOIN versions v ON v.id = bv.version_id";
                where.add("bv.branch_id = (SELECT b.id FROM branches b WHERE b.pacticipant_id = p.id AND b.name = "
                        + branchName + ")");
            }
        } else if (s.tag() != null) {
            tagDriven = true;
            from = "tags t JOIN versions v ON v.id = t.version_id";
            where.add("t.pacticipant_id = p.id");
            where.add("t.name = " + param(params, s.tag()));
            order = "t.version_order";
        } else {
            from = "versions v";
            where.add("v.pacticipant_id = p.id");
        }
        if (env != null) {
            where.add(env);
        }
        if (!branchDriven && (s.branch() != null || s.mainBranch())) {
            String branchName = s.branch() != null ? param(params, s.branch()) : "pp.main_branch";
            where.add(
                    s.latest()
                            ? "EXISTS (SELECT 1 FROM branch_heads bh2 WHERE bh2.version_id = v.id AND bh2.branch_name = "
                                    + branchName + ")"
                            : "EXISTS (SELECT 1 FROM branch_versions bv2 WHERE bv2.version_id = v.id AND bv2.branch_name = "
                                    + branchName + ")");
        }
        if (!tagDriven && s.tag() != null) {
            where.add("EXISTS (SELECT 1 FROM tags t2 WHERE t2.version_id = v.id AND t2.name = " + param(params, s.tag())
                    + ")");
        }
        return "SELECT p.id AS pacticipant_id, s.id, s.number, pp.main_branch"
                + " FROM unnest($1::bigint[]) AS p(id) JOIN pacticipants pp ON pp.id = p.id"
                + " CROSS JOIN LATERAL (SELECT v.id, v.number, " + order + " AS version_order FROM " + from
                + " WHERE " + String.join(" AND ", where) + " ORDER BY " + order + " DESC"
                + (s.latest() ? " LIMIT 1" : "") + ") s ORDER BY p.id, s.version_order DESC";
    }

    private static String param(List<Object> params, Object value) {
        params.add(value);
        return "$" + params.size();
    }
}
