package io.pactport.api.pactsforverification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The texts of a verifiable pact, word for word the Pact Broker's: the {@code shortDescription} (Pact Go names its
 * tests after it) and the notices verifiers print before and after verifying, which say why the pact was chosen and
 * whether its failure would break the build.
 */
public final class VerifiablePactNotices {

    /** A notice: when the verifier prints it ({@code before_verification}, {@code after_verification:…}) and what. */
    public record Notice(String when, String text) {}

    private static final String READ_MORE_PENDING = "Read more at https://docs.pact.io/go/pending";
    private static final String READ_MORE_WIP = "Read more at https://docs.pact.io/go/wip";
    private static final String DEPRECATED = "WARNING - this version of the Pact library uses a beta version of the API"
            + " which will be removed in the future. Please upgrade your Pact library. See"
            + " https://docs.pact.io/pact_broker/advanced_topics/provider_verification_results/#pacts-for-verification"
            + " for minimum required versions.";

    private final VerifiablePact pact;
    private final String pactUrl;

    private VerifiablePactNotices(VerifiablePact pact, String pactUrl) {
        this.pact = pact;
        this.pactUrl = pactUrl;
    }

    /**
     * @param pactUrl the pact's URL as the notices name it (with the WIP metadata for a WIP pact)
     * @param includePendingStatus whether the pending notices are wanted
     * @param deprecated whether the request used the deprecated GET form
     */
    public static List<Notice> notices(
            VerifiablePact pact, String pactUrl, boolean includePendingStatus, boolean deprecated) {
        VerifiablePactNotices texts = new VerifiablePactNotices(pact, pactUrl);
        List<Notice> notices = new ArrayList<>();
        if (deprecated) {
            add(notices, "before_verification", DEPRECATED);
        }
        add(notices, "before_verification", texts.inclusionReason());
        if (includePendingStatus) {
            add(notices, "before_verification", texts.pendingReason());
            add(notices, "after_verification:success_true_published_false", texts.successNotPublished());
            add(notices, "after_verification:success_false_published_false", texts.failureNotPublished());
            add(notices, "after_verification:success_true_published_true", texts.successPublished());
            add(notices, "after_verification:success_false_published_true", texts.failureNotPublished());
        }
        return notices;
    }

    /** One short phrase per selector, comma-separated: {@code latest with tag prod, deployed to test}. */
    public static String shortDescription(VerifiablePact pact) {
        List<String> descriptions = new ArrayList<>();
        for (ResolvedSelector resolved : pact.selectors()) {
            descriptions.add(shortDescription(resolved));
        }
        return String.join(", ", descriptions);
    }

    private static String shortDescription(ResolvedSelector resolved) {
        ConsumerVersionSelector selector = resolved.selector();
        if (selector.overallLatestSelector()) {
            return "latest";
        } else if (selector.latestForTag()) {
            return "latest with tag " + (selector.fallbackTag() != null ? selector.fallbackTag() : selector.tag());
        } else if (selector.mainBranch()) {
            return "latest from main branch";
        } else if (selector.latestForBranch()) {
            return "latest from branch "
                    + (selector.fallbackBranch() != null ? selector.fallbackBranch() : selector.branch());
        } else if (selector.latestForEachBranch()) {
            // the Pact Broker prints the selector's JSON here; the branch the pact heads says the same, readably
            return "latest from branch " + resolved.headBranch();
        } else if (selector.allForTag() && selector.consumer() != null) {
            return "one of " + selector.consumer() + " " + selector.tag();
        } else if (selector.tag() != null) {
            return "one of " + selector.tag();
        } else if (selector.deployed()) {
            return "deployed to " + resolved.environmentName();
        } else if (selector.released()) {
            return "released in " + resolved.environmentName();
        }
        return "in environment " + resolved.environmentName();
    }

    private String inclusionReason() {
        if (pact.wip()) {
            String versionText = headConsumerTags().size() == 1 || branches().size() == 1 ? "version" : "versions";
            return "The pact at " + pactUrl + " is being verified because it is a 'work in progress' pact (ie. it is"
                    + " the pact for the latest " + versionText + " of " + pact.consumerName() + " "
                    + joinedHeadConsumerTagsAndBranches() + " and it has not yet been successfully verified by "
                    + pendingProviderBranchOrTagsDescription("a") + " when the pact's application version was"
                    + " explicitly specified in the consumer version selectors). " + READ_MORE_WIP;
        }
        int count = pact.selectors().size();
        return "The pact at " + pactUrl + " is being verified because the pact content belongs to "
                + (count == 1 ? "the consumer version" : "the consumer versions") + " matching the following "
                + (count > 1 ? "criteria" : "criterion") + ":\n" + selectorDescriptions();
    }

    private String pendingReason() {
        if (isPending() && pact.wip()) {
            return "This pact is in pending state for this version of " + pact.providerName() + " because it was"
                    + " included as a 'work in progress' pact. If this verification fails, it will not cause the"
                    + " overall build to fail. " + READ_MORE_PENDING;
        } else if (isPending()) {
            return "This pact is in pending state for this version of " + pact.providerName() + " because a"
                    + " successful verification result for " + pendingProviderBranchOrTagsDescription("a")
                    + " has not yet been published. If this verification fails, it will not cause the overall build"
                    + " to fail. " + READ_MORE_PENDING;
        }
        return "This pact has previously been successfully verified by " + nonPendingProviderBranchOrTagsDescription()
                + ". If this verification fails, it will fail the build. " + READ_MORE_PENDING;
    }

    private String successNotPublished() {
        return isPending()
                ? "This pact is still in pending state for " + pendingProviderBranchOrTagsDescription("any")
                        + " as the successful verification results " + withTheseTags() + "have not yet been published."
                : null;
    }

    private String successPublished() {
        return isPending()
                ? "This pact is no longer in pending state for "
                        + pendingProviderBranchOrTagsDescription("any") + ", as a successful verification result "
                        + withTheseTags() + "has been published. If a verification for a version of "
                        + pact.providerName()
                        + " " + withTheseTags() + "fails in the future, it will fail the build. " + READ_MORE_PENDING
                : null;
    }

    private String failureNotPublished() {
        return isPending()
                ? "This pact is still in pending state for " + pendingProviderBranchOrTagsDescription("any")
                        + " as a successful verification result " + withTheseTags() + "has not yet been published"
                : null;
    }

    private boolean isPending() {
        return Boolean.TRUE.equals(pact.pending());
    }

    private String selectorDescriptions() {
        List<ResolvedSelector> sorted = new ArrayList<>(pact.selectors());
        sorted.sort(ResolvedSelector.ORDER);
        Map<String, List<ResolvedSelector>> byType = new LinkedHashMap<>();
        sorted.forEach(selector -> byType.computeIfAbsent(selector.selector().type(), t -> new ArrayList<>())
                .add(selector));
        List<String> lines = new ArrayList<>();
        byType.values().forEach(group -> lines.addAll(groupDescriptions(group)));
        return String.join("\n", lines.stream().map(line -> "    * " + line).toList());
    }

    private List<String> groupDescriptions(List<ResolvedSelector> group) {
        ConsumerVersionSelector first = group.get(0).selector();
        if (first.deployed() || first.released()) {
            Map<String, List<ResolvedSelector>> byConsumer = new LinkedHashMap<>();
            group.forEach(s -> byConsumer
                    .computeIfAbsent(s.selector().consumer(), c -> new ArrayList<>())
                    .add(s));
            List<String> descriptions = new ArrayList<>();
            byConsumer.forEach((consumer, selectors) -> {
                String name = consumer != null ? "version(s) of " + consumer : "consumer version(s)";
                List<String> places = selectors.stream()
                        .map(s -> s.environmentName() + " (" + s.consumerVersionNumber() + ")")
                        .toList();
                descriptions.add(name
                        + (first.deployed() ? " currently deployed to " : " released and supported in ")
                        + joinUnquoted(places, " and "));
            });
            return descriptions;
        }
        return group.stream().map(this::selectorDescription).toList();
    }

    private String selectorDescription(ResolvedSelector resolved) {
        ConsumerVersionSelector selector = resolved.selector();
        String versionLabel = selector.consumer() != null ? "version of " + selector.consumer() : "version";
        String description;
        if (selector.overallLatestSelector()) {
            description = "latest version of " + (selector.consumer() != null ? selector.consumer() : "a consumer")
                    + " that has a pact with " + pact.providerName();
        } else if (selector.latestForTag()) {
            description = selector.fallbackTag() != null
                    ? "latest " + versionLabel + " tagged '" + selector.fallbackTag() + "' (fallback tag used as no"
                            + " pact was found with tag '" + selector.tag() + "')"
                    : "latest " + versionLabel + " tagged '" + selector.tag() + "'";
        } else if (selector.mainBranch()) {
            description = "latest " + versionLabel + " from the main branch '" + pact.consumerMainBranch() + "'";
        } else if (selector.latestForBranch()) {
            description = selector.fallbackBranch() != null
                    ? "latest " + versionLabel + " from branch '" + selector.fallbackBranch() + "' (fallback branch"
                            + " used as no pact was found from branch '" + selector.branch() + "')"
                    : "latest " + versionLabel + " from branch '" + selector.branch() + "'";
        } else if (selector.latestForEachBranch()) {
            description = "latest " + versionLabel + " from branch '" + resolved.headBranch() + "'";
        } else if (selector.allForTag() && selector.consumer() != null) {
            description = "all " + selector.consumer() + " versions tagged '" + selector.tag() + "'";
        } else if (selector.allForTag()) {
            description = "all consumer versions tagged '" + selector.tag() + "'";
        } else {
            description = (selector.consumer() != null ? selector.consumer() : "a consumer")
                    + " version in environment " + resolved.environmentName();
        }
        return description + " (" + resolved.consumerVersionNumber() + ")";
    }

    private List<String> headConsumerTags() {
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        pact.selectors().stream()
                .map(ResolvedSelector::selector)
                .filter(ConsumerVersionSelector::latestForTag)
                .forEach(selector -> tags.add(selector.tag()));
        return List.copyOf(tags);
    }

    private List<String> branches() {
        LinkedHashSet<String> branches = new LinkedHashSet<>();
        pact.selectors().stream()
                .map(ResolvedSelector::selector)
                .filter(ConsumerVersionSelector::latestForBranch)
                .forEach(selector -> branches.add(selector.branch()));
        return List.copyOf(branches);
    }

    private String joinedHeadConsumerTagsAndBranches() {
        List<String> parts = new ArrayList<>();
        if (!branches().isEmpty()) {
            parts.add("from " + (branches().size() == 1 ? "branch" : "branches") + " " + join(branches()));
        }
        if (!headConsumerTags().isEmpty()) {
            parts.add("tagged with " + join(headConsumerTags()));
        }
        String sameContent = switch (pact.selectors().size()) {
            case 1 -> "";
            case 2 -> " (both have the same content)";
            default -> " (all have the same content)";
        };
        return String.join(" and ", parts) + sameContent;
    }

    private String pendingProviderBranchOrTagsDescription(String anyOrA) {
        if (pact.providerBranch() != null) {
            return anyOrA + " version of " + pact.providerName() + " from branch '" + pact.providerBranch() + "'";
        }
        List<String> tags = pact.pendingProviderTags();
        return switch (tags.size()) {
            case 0 -> pact.providerName();
            case 1 -> anyOrA + " version of " + pact.providerName() + " with tag '" + tags.get(0) + "'";
            default -> anyOrA + " versions of " + pact.providerName() + " with tag " + join(tags);
        };
    }

    private String nonPendingProviderBranchOrTagsDescription() {
        if (pact.providerBranch() != null) {
            return "a version of " + pact.providerName() + " from branch '" + pact.providerBranch() + "'";
        }
        List<String> tags = pact.nonPendingProviderTags();
        return switch (tags.size()) {
            case 0 -> pact.providerName();
            case 1 -> "a version of " + pact.providerName() + " with tag '" + tags.get(0) + "'";
            default -> "a version of " + pact.providerName() + " with tag " + join(tags);
        };
    }

    private String withTheseTags() {
        return switch (pact.pendingProviderTags().size()) {
            case 0 -> "";
            case 1 -> "with this tag ";
            default -> "with these tags ";
        };
    }

    private static String join(List<String> words) {
        return joinUnquoted(words.stream().map(word -> "'" + word + "'").toList(), " and ");
    }

    /** {@code a}, {@code a and b}, {@code a, b and c}. */
    private static String joinUnquoted(List<String> words, String lastJoiner) {
        if (words.size() <= 2) {
            return String.join(lastJoiner, words);
        }
        return String.join(", ", words.subList(0, words.size() - 2)) + ", "
                + String.join(lastJoiner, words.subList(words.size() - 2, words.size()));
    }

    private static void add(List<Notice> notices, String when, String text) {
        if (text != null) {
            notices.add(new Notice(when, Objects.requireNonNull(text)));
        }
    }
}
