package io.pactport.api.pactsforverification;

import java.util.Comparator;
import java.util.Objects;

/**
 * One consumer version selector of a pacts-for-verification request, after the Pact Broker's parsing:
 * {@code mainBranch}, {@code branch} and {@code matchingBranch} imply {@code latest}, {@code matchingBranch} carries
 * the provider's branch, and {@code deployedOrReleased} has become two selectors, one {@code deployed} and one
 * {@code released}.
 *
 * @param branch a branch name, or null ({@code branch: true} is {@link #eachBranch})
 * @param latest true, false, or null when not given (the metadata segment tells the three apart)
 * @param environment the environment named in the request, or null
 */
public record ConsumerVersionSelector(
        boolean mainBranch,
        String tag,
        String branch,
        boolean eachBranch,
        boolean matchingBranch,
        Boolean latest,
        String fallbackTag,
        String fallbackBranch,
        String consumer,
        String environment,
        boolean deployed,
        boolean released) {

    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    public static ConsumerVersionSelector overallLatest(String consumer) {
        return builder().latest(true).consumer(consumer).build();
    }

    /** The default selector's form, which (unlike a requested {@code mainBranch}) leaves {@code latest} unset. */
    public static ConsumerVersionSelector mainBranchOf(String consumer) {
        return builder().mainBranch(true).consumer(consumer).build();
    }

    public static ConsumerVersionSelector latestForTag(String tag, String consumer) {
        return builder().tag(tag).latest(true).consumer(consumer).build();
    }

    public static ConsumerVersionSelector latestForBranch(String branch, String consumer) {
        return builder().branch(branch).latest(true).consumer(consumer).build();
    }

    public static ConsumerVersionSelector currentlyDeployed() {
        return builder().deployed(true).build();
    }

    public static ConsumerVersionSelector currentlySupported() {
        return builder().released(true).build();
    }

    /** The selector as it chose a pact directly: without its fallbacks, as the Pact Broker resolves it. */
    public ConsumerVersionSelector withoutFallbacks() {
        return toBuilder().fallbackTag(null).fallbackBranch(null).build();
    }

    /** A selector with none of its keys given: every flag false, every name and {@code latest} null. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return builder()
                .mainBranch(mainBranch)
                .tag(tag)
                .branch(branch)
                .eachBranch(eachBranch)
                .matchingBranch(matchingBranch)
                .latest(latest)
                .fallbackTag(fallbackTag)
                .fallbackBranch(fallbackBranch)
                .consumer(consumer)
                .environment(environment)
                .deployed(deployed)
                .released(released);
    }

    /** A selector's keys by name: a selector sets a few of its twelve, and positional nulls would hide which. */
    public static final class Builder {

        private boolean mainBranch;
        private String tag;
        private String branch;
        private boolean eachBranch;
        private boolean matchingBranch;
        private Boolean latest;
        private String fallbackTag;
        private String fallbackBranch;
        private String consumer;
        private String environment;
        private boolean deployed;
        private boolean released;

        private Builder() {}

        public Builder mainBranch(boolean value) {
            mainBranch = value;
            return this;
        }

        public Builder tag(String value) {
            tag = value;
            return this;
        }

        public Builder branch(String value) {
            branch = value;
            return this;
        }

        /** {@code branch: true}: the head of each of the consumer's branches. */
        public Builder eachBranch(boolean value) {
            eachBranch = value;
            return this;
        }

        public Builder matchingBranch(boolean value) {
            matchingBranch = value;
            return this;
        }

        public Builder latest(Boolean value) {
            latest = value;
            return this;
        }

        public Builder fallbackTag(String value) {
            fallbackTag = value;
            return this;
        }

        public Builder fallbackBranch(String value) {
            fallbackBranch = value;
            return this;
        }

        public Builder consumer(String value) {
            consumer = value;
            return this;
        }

        public Builder environment(String value) {
            environment = value;
            return this;
        }

        public Builder deployed(boolean value) {
            deployed = value;
            return this;
        }

        public Builder released(boolean value) {
            released = value;
            return this;
        }

        public ConsumerVersionSelector build() {
            return new ConsumerVersionSelector(
                    mainBranch,
                    tag,
                    branch,
                    eachBranch,
                    matchingBranch,
                    latest,
                    fallbackTag,
                    fallbackBranch,
                    consumer,
                    environment,
                    deployed,
                    released);
        }
    }

    public boolean isLatest() {
        return Boolean.TRUE.equals(latest);
    }

    public boolean overallLatestSelector() {
        return isLatest()
                && tag == null
                && branch == null
                && !eachBranch
                && !mainBranch
                && !deployed
                && !released
                && environment == null;
    }

    public boolean latestForTag() {
        return isLatest() && tag != null;
    }

    public boolean latestForTag(String name) {
        return isLatest() && tag != null && tag.equals(name);
    }

    public boolean latestForBranch() {
        return isLatest() && branch != null;
    }

    public boolean latestForBranch(String name) {
        return isLatest() && branch != null && branch.equals(name);
    }

    public boolean latestForEachBranch() {
        return isLatest() && eachBranch;
    }

    public boolean allForTag() {
        return tag != null && !isLatest();
    }

    public boolean inEnvironment() {
        return environment != null;
    }

    /** The Pact Broker's selector type, which groups selectors in the inclusion notice. */
    public String type() {
        if (mainBranch) {
            return "latest_for_main_branch";
        } else if (latestForEachBranch()) {
            return "latest_for_each_branch";
        } else if (latestForBranch()) {
            return "latest_for_branch";
        } else if (matchingBranch) {
            return "matching_branch";
        } else if (deployed) {
            return "currently_deployed";
        } else if (released) {
            return "currently_supported";
        } else if (inEnvironment()) {
            return "in_environment";
        } else if (latestForTag()) {
            return "latest_for_tag";
        } else if (allForTag()) {
            return "all_for_tag";
        } else if (overallLatestSelector()) {
            return "overall_latest";
        }
        return "undefined";
    }

    /**
     * The Pact Broker's selector order (overall latest, latest by branch, latest by tag, all by tag, deployed,
     * released, by consumer); {@code sameKind} breaks ties between two deployed or two released selectors.
     */
    public static int compare(
            ConsumerVersionSelector a, ConsumerVersionSelector b, java.util.function.IntSupplier sameKind) {
        if (a.overallLatestSelector() || b.overallLatestSelector()) {
            return a.overallLatestSelector() == b.overallLatestSelector() ? 0 : a.overallLatestSelector() ? -1 : 1;
        } else if (a.latestForBranch() || b.latestForBranch()) {
            return a.latestForBranch() == b.latestForBranch()
                    ? Objects.compare(a.branch, b.branch, NULLS_FIRST)
                    : a.latestForBranch() ? -1 : 1;
        } else if (a.latestForTag() || b.latestForTag()) {
            return a.latestForTag() == b.latestForTag()
                    ? Objects.compare(a.tag, b.tag, NULLS_FIRST)
                    : a.latestForTag() ? -1 : 1;
        } else if (a.tag != null || b.tag != null) {
            if (a.tag != null && b.tag != null) {
                return a.tag.equals(b.tag) ? compareConsumers(a, b) : a.tag.compareTo(b.tag);
            }
            return a.tag != null ? -1 : 1;
        } else if (a.deployed || b.deployed) {
            return a.deployed == b.deployed ? sameKind.getAsInt() : a.deployed ? -1 : 1;
        } else if (a.released || b.released) {
            return a.released == b.released ? sameKind.getAsInt() : a.released ? -1 : 1;
        } else if (a.consumer != null || b.consumer != null) {
            return compareConsumers(a, b);
        }
        return 0;
    }

    private static int compareConsumers(ConsumerVersionSelector a, ConsumerVersionSelector b) {
        if (a.consumer != null && b.consumer != null) {
            return a.consumer.compareTo(b.consumer);
        }
        return a.consumer != null ? -1 : 1;
    }
}
