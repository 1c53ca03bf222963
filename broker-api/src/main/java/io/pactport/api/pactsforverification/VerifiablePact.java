package io.pactport.api.pactsforverification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A pact's content for a provider to verify, with every selector that chose it (its latest consumer version stands for
 * it), and, when asked, whether a failure would be pending: for the provider branch, or for which provider tags.
 *
 * @param pending null when pending status was not asked for
 */
public record VerifiablePact(
        long consumerId,
        String consumerName,
        String consumerMainBranch,
        String providerName,
        long pactVersionId,
        String sha,
        long consumerVersionId,
        String consumerVersionNumber,
        long consumerVersionOrder,
        List<ResolvedSelector> selectors,
        Boolean pending,
        List<String> pendingProviderTags,
        List<String> nonPendingProviderTags,
        String providerBranch,
        boolean wip) {

    /** The Pact Broker's response order: by consumer name (ignoring case), then oldest consumer version first. */
    public static final Comparator<VerifiablePact> ORDER = Comparator.comparing(
                    (VerifiablePact pact) -> pact.consumerName.toLowerCase())
            .thenComparingLong(VerifiablePact::consumerVersionOrder);

    /** The pact's name in links: {@code Pact between C (1.0.0) and P}. */
    public String name() {
        return "Pact between " + consumerName + " (" + consumerVersionNumber + ") and " + providerName;
    }

    /** This pact with another choice of the same content: the later consumer version, both lists of selectors. */
    public VerifiablePact merge(VerifiablePact other) {
        VerifiablePact latest = other.consumerVersionOrder > consumerVersionOrder ? other : this;
        List<ResolvedSelector> allSelectors = new ArrayList<>(selectors);
        allSelectors.addAll(other.selectors);
        // a provider tag is named once, even when both of the merged choices were pending for it
        List<String> pendingTags = union(pendingProviderTags, other.pendingProviderTags);
        List<String> nonPendingTags = union(nonPendingProviderTags, other.nonPendingProviderTags);
        Boolean mergedPending = pending == null && other.pending == null
                ? null
                : Boolean.TRUE.equals(pending) || Boolean.TRUE.equals(other.pending);
        return new VerifiablePact(
                consumerId,
                consumerName,
                consumerMainBranch,
                providerName,
                pactVersionId,
                sha,
                latest.consumerVersionId,
                latest.consumerVersionNumber,
                latest.consumerVersionOrder,
                List.copyOf(allSelectors),
                mergedPending,
                pendingTags,
                nonPendingTags,
                providerBranch,
                wip || other.wip);
    }

    private static List<String> union(List<String> a, List<String> b) {
        LinkedHashSet<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    public VerifiablePact withSortedSelectors() {
        List<ResolvedSelector> sorted = new ArrayList<>(selectors);
        sorted.sort(ResolvedSelector.ORDER);
        return new VerifiablePact(
                consumerId,
                consumerName,
                consumerMainBranch,
                providerName,
                pactVersionId,
                sha,
                consumerVersionId,
                consumerVersionNumber,
                consumerVersionOrder,
                List.copyOf(sorted),
                pending,
                pendingProviderTags,
                nonPendingProviderTags,
                providerBranch,
                wip);
    }

    public VerifiablePact withPending(
            Boolean isPending, List<String> pendingTags, List<String> nonPendingTags, String branch) {
        return new VerifiablePact(
                consumerId,
                consumerName,
                consumerMainBranch,
                providerName,
                pactVersionId,
                sha,
                consumerVersionId,
                consumerVersionNumber,
                consumerVersionOrder,
                selectors,
                isPending,
                pendingTags,
                nonPendingTags,
                branch,
                wip);
    }
}
