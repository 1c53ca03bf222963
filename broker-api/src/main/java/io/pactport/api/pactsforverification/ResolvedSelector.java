package io.pactport.api.pactsforverification;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A selector together with the consumer version it chose (and, for deployed and released selectors, the environment
 * and application instance it found that version in).
 *
 * @param headBranch for {@code branch: true}, the branch whose head the version is; else null
 */
public record ResolvedSelector(
        ConsumerVersionSelector selector,
        long consumerVersionId,
        String consumerVersionNumber,
        long consumerVersionOrder,
        String environmentName,
        boolean productionEnvironment,
        String target,
        String headBranch) {

    /** A selector's version found by branch or tag, outside any environment. */
    public static ResolvedSelector of(
            ConsumerVersionSelector selector,
            long consumerVersionId,
            String consumerVersionNumber,
            long consumerVersionOrder) {
        return new ResolvedSelector(
                selector, consumerVersionId, consumerVersionNumber, consumerVersionOrder, null, false, null, null);
    }

    /** The Pact Broker's order: by selector, non-production environments first, then oldest consumer version first. */
    public static final Comparator<ResolvedSelector> ORDER = (a, b) -> {
        int bySelector = ConsumerVersionSelector.compare(a.selector, b.selector, () -> byEnvironment(a, b));
        return bySelector != 0 ? bySelector : Long.compare(a.consumerVersionOrder, b.consumerVersionOrder);
    };

    private static int byEnvironment(ResolvedSelector a, ResolvedSelector b) {
        if (a.productionEnvironment != b.productionEnvironment) {
            return a.productionEnvironment ? 1 : -1;
        }
        return Comparator.nullsFirst(Comparator.<String>naturalOrder()).compare(a.environmentName, b.environmentName);
    }

    /**
     * This selector in the metadata segment of the pact URL, with the Pact Broker's short keys in its order:
     * {@code b} branch, {@code t} tag, {@code l} latest, {@code e} environment, {@code cv} the consumer version id.
     */
    public Map<String, Object> metadata() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (selector.branch() != null || selector.eachBranch()) {
            metadata.put("b", selector.eachBranch() ? Boolean.TRUE : selector.branch());
        }
        if (selector.tag() != null) {
            metadata.put("t", selector.tag());
        }
        if (selector.latest() != null) {
            metadata.put("l", selector.latest());
        }
        if (selector.environment() != null) {
            metadata.put("e", selector.environment());
        }
        metadata.put("cv", consumerVersionId);
        return metadata;
    }
}
