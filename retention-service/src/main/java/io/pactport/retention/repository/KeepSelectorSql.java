package io.pactport.retention.repository;

import io.pactport.retention.selectors.BranchSelector;
import io.pactport.retention.selectors.KeepSelector;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Keep selectors as SQL predicates on a {@code versions} row, with the Pact Broker's semantics
 * ({@code Version.for_selector}): a selector's properties are AND-ed, selectors OR-ed. Every predicate is an index probe
 * on the row's id, pacticipant or order ({@code EXISTS} over tags, branch_versions, branch_heads, deployed and released
 * versions; "latest" as "the row is the pacticipant's newest match", over {@code (pacticipant_id, "order" DESC)}),
 * so the database resolves a whole selector set in one statement, whether it lists the oldest unselected versions,
 * re-checks a batch or counts what each selector keeps.
 */
public final class KeepSelectorSql {

    private KeepSelectorSql() {}

    /**
     * @param alias the {@code versions} alias the predicate is about
     * @param today the date {@code max_age} counts back from (the Pact Broker compares with {@code Date.today - n})
     */
    public static SqlFragment anyOf(List<KeepSelector> selectors, String alias, LocalDateTime today) {
        return anyOf(selectors, alias, today, List.of());
    }

    /**
     * @param goneBranches ids of branches taken as already deleted: a preview's selectors as the run applies them, after
     *        its stale-branch step (their branch versions and heads select nothing)
     */
    public static SqlFragment anyOf(
            List<KeepSelector> selectors, String alias, LocalDateTime today, List<Long> goneBranches) {
        SqlFragment.Builder sql = new SqlFragment.Builder().sql("(");
        for (int i = 0; i < selectors.size(); i++) {
            if (i > 0) {
                sql.sql(" OR ");
            }
            sql.fragment(of(selectors.get(i), alias, today, goneBranches));
        }
        return sql.sql(")").build();
    }

    /** The predicate of one selector on the versions row {@code alias}. */
    public static SqlFragment of(KeepSelector selector, String alias, LocalDateTime today) {
        return of(selector, alias, today, List.of());
    }

    /** The predicate of one selector on the versions row {@code alias}, the branches {@code goneBranches} left out. */
    public static SqlFragment of(KeepSelector selector, String alias, LocalDateTime today, List<Long> goneBranches) {
        Gone gone = new Gone(goneBranches);
        SqlFragment.Builder sql = new SqlFragment.Builder().sql("(");
        List<SqlFragment> conditions = new ArrayList<>(filters(selector, alias, today, true, gone));
        boolean latestByHeads = selector.latest() && (selector.mainBranch() || selector.branch() != null);
        if (selector.latest() && !latestByHeads) {
            conditions.add(latest(selector, alias, today, gone));
        }
        for (int i = 0; i < conditions.size(); i++) {
            if (i > 0) {
                sql.sql(" AND ");
            }
            sql.fragment(conditions.get(i));
        }
        return sql.sql(")").build();
    }

    /**
     * The selector's conditions other than the order-based "latest" (branch heads stand for "latest" on branches, as
     * in the Pact Broker).
     */
    private static List<SqlFragment> filters(
            KeepSelector s, String a, LocalDateTime today, boolean withTag, Gone gone) {
        List<SqlFragment> out = new ArrayList<>();
        if (s.pacticipant() != null) {
            out.add(new SqlFragment.Builder()
                    .sql(a + ".pacticipant_id IN (SELECT id FROM pacticipants WHERE name = ")
                    .param(s.pacticipant())
                    .sql(")")
                    .build());
        }
        if (s.environment() != null) {
            out.add(new SqlFragment.Builder()
                    .sql("(EXISTS (SELECT 1 FROM deployed_versions dv JOIN environments e ON e.id = dv.environment_id"
                            + " WHERE dv.version_id = " + a + ".id AND e.name = ")
                    .param(s.environment())
                    .sql(" AND dv.id IN (SELECT deployed_version_id FROM currently_deployed_version_ids))"
                            + " OR EXISTS (SELECT 1 FROM released_versions rv JOIN environments e ON e.id = rv.environment_id"
                            + " WHERE rv.version_id = " + a + ".id AND rv.support_ended_at IS NULL AND e.name = ")
                    .param(s.environment())
                    .sql("))")
                    .build());
        }
        if (s.deployed()) {
            out.add(plain("EXISTS (SELECT 1 FROM deployed_versions dv WHERE dv.version_id = " + a + ".id"
                    + " AND dv.id IN (SELECT deployed_version_id FROM currently_deployed_version_ids))"));
        }
        if (s.released()) {
            out.add(plain("EXISTS (SELECT 1 FROM released_versions rv WHERE rv.version_id = " + a + ".id"
                    + " AND rv.support_ended_at IS NULL)"));
        }
        if (withTag && s.tag() instanceof KeepSelector.Name.Named named) {
            out.add(new SqlFragment.Builder()
                    .sql("EXISTS (SELECT 1 FROM tags t WHERE t.version_id = " + a + ".id" + " AND t.name = ")
                    .param(named.name())
                    .sql(")")
                    .build());
        } else if (withTag && s.tag() != null) {
            out.add(plain("EXISTS (SELECT 1 FROM tags t WHERE t.version_id = " + a + ".id)"));
        }
        if (s.maxAge() != null) {
            out.add(new SqlFragment.Builder()
                    .sql(a + ".created_at >= ")
                    .param(today.minusDays(s.maxAge()))
                    .build());
        }
        if (s.mainBranch()) {
            out.add(plain(
                    s.latest()
                            ? "EXISTS (SELECT 1 FROM branch_heads bh JOIN pacticipants p ON p.id = bh.pacticipant_id"
                                    + " WHERE bh.version_id = " + a + ".id AND bh.branch_name = p.main_branch)"
                            : "EXISTS (SELECT 1 FROM branch_versions bv JOIN branches b ON b.id = bv.branch_id"
                                    + " JOIN pacticipants p ON p.id = bv.pacticipant_id"
                                    + " WHERE bv.version_id = " + a + ".id AND b.name = p.main_branch)"));
        }
        // main branches are never stale, so only the other branch conditions leave the gone branches out
        if (s.branch() instanceof KeepSelector.Name.Named named) {
            String row = s.latest() ? "bh" : "bv";
            out.add(gone.excluded(
                            new SqlFragment.Builder()
                                    .sql(
                                            s.latest()
                                                    ? "EXISTS (SELECT 1 FROM branch_heads bh WHERE bh.version_id = " + a
                                                            + ".id AND bh.branch_name = "
                                                    : "EXISTS (SELECT 1 FROM branch_versions bv JOIN branches b ON b.id = bv.branch_id"
                                                            + " WHERE bv.version_id = " + a + ".id AND b.name = ")
                                    .param(named.name()),
                            row)
                    .sql(")")
                    .build());
        } else if (s.branch() != null) {
            String row = s.latest() ? "bh" : "bv";
            out.add(gone.excluded(
                            new SqlFragment.Builder()
                                    .sql(
                                            s.latest()
                                                    ? "EXISTS (SELECT 1 FROM branch_heads bh WHERE bh.version_id = " + a
                                                            + ".id"
                                                    : "EXISTS (SELECT 1 FROM branch_versions bv WHERE bv.version_id = "
                                                            + a + ".id"),
                            row)
                    .sql(")")
                    .build());
        }
        return out;
    }

    /**
     * "Latest" by order among the versions of the same pacticipant matching the other properties; with {@code tag:true}
     * the latest per tag name (the Pact Broker groups by pacticipant and tag name and takes the highest
     * {@code versions."order"}). The tag's own {@code version_order} is no measure: it is copied when the tag is made,
     * and when versions are ordered by number an inserted version renumbers the versions after it, not their tags
     * (a database ordered by number had 152 of 252 tags stale). The tags of the same name are still found through
     * {@code (pacticipant_id, name, version_order DESC)}; only the comparison reads each one's version.
     */
    private static SqlFragment latest(KeepSelector s, String a, LocalDateTime today, Gone gone) {
        String w = a + "_newer";
        SqlFragment.Builder sql = new SqlFragment.Builder();
        if (s.tag() instanceof KeepSelector.Name.Any) {
            String t = a + "_tag";
            String t2 = a + "_newer_tag";
            sql.sql("EXISTS (SELECT 1 FROM tags " + t + " WHERE " + t + ".version_id = " + a + ".id AND NOT EXISTS ("
                    + "SELECT 1 FROM tags " + t2 + " JOIN versions " + w + " ON " + w + ".id = " + t2 + ".version_id"
                    + " WHERE " + t2 + ".pacticipant_id = " + a + ".pacticipant_id AND " + t2 + ".name = " + t + ".name"
                    + " AND " + w + ".\"order\" > " + a + ".\"order\"");
            for (SqlFragment condition : filters(s, w, today, false, gone)) {
                sql.sql(" AND ").fragment(condition);
            }
            return sql.sql("))").build();
        }
        // "the row is the newest match", not "no newer row matches": the newest match is one descending walk of
        // (pacticipant_id, "order" DESC) that stops at the first hit; a NOT EXISTS over "order" > the row's was planned
        // as a sequential scan per row on a pacticipant with many versions (quadratic in its number of versions).
        // The row itself matches the other conditions (they are AND-ed with this one), so the newest match exists.
        sql.sql(a + ".\"order\" = (SELECT " + w + ".\"order\" FROM versions " + w + " WHERE " + w + ".pacticipant_id = "
                + a + ".pacticipant_id");
        for (SqlFragment condition : filters(s, w, today, true, gone)) {
            sql.sql(" AND ").fragment(condition);
        }
        return sql.sql(" ORDER BY " + w + ".\"order\" DESC LIMIT 1)").build();
    }

    /**
     * Branches kept by the stale-branch selectors on the {@code branches} row {@code b}: each pacticipant's main branch,
     * branches updated in the last {@code max_age} days, and branches named in a selector.
     */
    public static SqlFragment branchKept(List<BranchSelector> selectors, String b, LocalDateTime today) {
        SqlFragment.Builder sql = new SqlFragment.Builder()
                .sql("(EXISTS (SELECT 1 FROM pacticipants p WHERE p.id = " + b + ".pacticipant_id AND p.main_branch = "
                        + b + ".name)");
        for (BranchSelector selector : selectors) {
            if (selector.maxAge() != null) {
                sql.sql(" OR " + b + ".updated_at >= ").param(today.minusDays(selector.maxAge()));
            }
            if (!selector.names().isEmpty()) {
                sql.sql(" OR " + b + ".name = ANY(")
                        .param(selector.names().toArray(String[]::new))
                        .sql(")");
            }
        }
        return sql.sql(")").build();
    }

    private static SqlFragment plain(String sql) {
        return new SqlFragment(sql, List.of());
    }

    /** Branches taken as deleted. */
    private record Gone(List<Long> ids) {

        /** The branch row {@code row} of the open condition is not one of them. */
        SqlFragment.Builder excluded(SqlFragment.Builder condition, String row) {
            return ids.isEmpty()
                    ? condition
                    : condition
                            .sql(" AND NOT (" + row + ".branch_id = ANY(")
                            .param(ids.toArray(Long[]::new))
                            .sql("))");
        }
    }
}
