package io.pactport.retention.selectors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One keep selector for the stale-branch clean ({@code PACTFLOW_DATABASE_CLEAN_KEEP_BRANCH_SELECTORS}), as the Pact
 * Broker's {@code Clean::BranchSelector}: branches updated in the last {@code maxAge} days, or branches with one of
 * these names (of any pacticipant), are kept. Each pacticipant's main branch is always kept.
 *
 * @param maxAge days since the branch was last updated (a version added to it), or null
 * @param names branch names kept whatever their age; empty when not given
 */
public record BranchSelector(Integer maxAge, List<String> names) {

    public BranchSelector {
        names = List.copyOf(names);
    }

    /** The Pact Broker's default once stale-branch cleaning is turned on: {@code [{"max_age":90}]}. */
    public static final List<BranchSelector> PACT_BROKER_DEFAULTS = List.of(new BranchSelector(90, List.of()));

    /** The selector under its documented keys, for logs and reports. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        if (maxAge != null) {
            map.put("max_age", maxAge);
        }
        if (!names.isEmpty()) {
            map.put("branch", names.size() == 1 ? names.get(0) : names);
        }
        return map;
    }

    @Override
    public String toString() {
        return toMap().toString();
    }
}
