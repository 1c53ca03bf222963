package io.pactport.api.matrix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The verdict on a matrix result, by the Pact Broker's rules: deployable is false when an asked version does not
 * exist, null (unknown) when a required pact has no verification by the selected provider version, otherwise whether
 * every considered row succeeded (true when there is none). The reasons are the Pact Broker's texts: the CLI prints
 * them, and teams grep their CI logs for them.
 */
public final class MatrixSummary {

    /** A reason with its notice type: {@code error}, {@code warning} or {@code success}. */
    public record Reason(String type, String text) {}

    private final MatrixResult result;
    private final List<MatrixIntegration> requiredWithoutRow;
    private final List<ResolvedMatrixSelector> describing;

    private MatrixSummary(MatrixResult result) {
        this.result = result;
        List<MatrixRow> all = Stream.concat(result.considered().stream(), result.ignored().stream())
                .toList();
        this.requiredWithoutRow = result.integrations().stream()
                .filter(MatrixIntegration::required)
                .filter(i -> all.stream()
                        .noneMatch(r -> r.consumerId() == i.consumerId() && r.providerId() == i.providerId()))
                .toList();
        List<ResolvedMatrixSelector> made = new ArrayList<>();
        for (MatrixRow row : result.considered()) {
            made.add(ResolvedMatrixSelector.describing(
                    row.consumerId(), row.consumerName(), row.consumerVersionId(), row.consumerVersionNumber()));
            made.add(ResolvedMatrixSelector.describing(
                    row.providerId(), row.providerName(), row.providerVersionId(), row.providerVersionNumber()));
        }
        for (MatrixIntegration i : result.integrations()) {
            made.add(ResolvedMatrixSelector.describing(i.consumerId(), i.consumerName()));
            made.add(ResolvedMatrixSelector.describing(i.providerId(), i.providerName()));
        }
        this.describing = made;
    }

    public static MatrixSummary of(MatrixResult result) {
        return new MatrixSummary(result);
    }

    /** true, false, or null for "unknown". */
    public Boolean deployable() {
        if (askedVersionsMissing().findAny().isPresent()) {
            return false;
        }
        if (result.considered().stream().anyMatch(r -> r.success() == null) || !requiredWithoutRow.isEmpty()) {
            return null;
        }
        return result.considered().stream().allMatch(r -> Boolean.TRUE.equals(r.success()));
    }

    /** success, failed, unknown, and ignored when ignore selectors were given, in the Pact Broker's key order. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("success", (int) result.considered().stream()
                .filter(r -> Boolean.TRUE.equals(r.success()))
                .count());
        counts.put("failed", (int) result.considered().stream()
                .filter(r -> Boolean.FALSE.equals(r.success()))
                .count());
        counts.put(
                "unknown",
                requiredWithoutRow.size()
                        + (int) result.considered().stream()
                                .filter(r -> r.success() == null)
                                .count());
        if (!result.ignoreSelectors().isEmpty()) {
            counts.put("ignored", result.ignored().size());
        }
        return counts;
    }

    /** Warnings first, then the errors, or the success message when there is no error. */
    public List<Reason> reasons() {
        List<Reason> reasons = new ArrayList<>(warnings());
        List<Reason> errors = errors();
        reasons.addAll(errors.isEmpty() ? successes() : errors);
        return reasons;
    }

    private Stream<ResolvedMatrixSelector> askedVersionsMissing() {
        return result.selectors().stream()
                .filter(ResolvedMatrixSelector::consider)
                .filter(ResolvedMatrixSelector::specified)
                .filter(ResolvedMatrixSelector::versionMissing);
    }

    private List<Reason> errors() {
        List<Reason> errors = new ArrayList<>();
        askedVersionsMissing().forEach(s -> errors.add(error(s.versionMissingDescription())));
        if (!errors.isEmpty()) {
            return errors;
        }
        for (MatrixIntegration i : requiredWithoutRow) {
            errors.add(error("There is no verified pact between "
                    + selectorFor(i.consumerName(), null).description() + " and "
                    + selectorFor(i.providerName(), null).description()));
        }
        for (MatrixRow row : result.considered()) {
            if (Boolean.FALSE.equals(row.success())) {
                errors.add(error("The verification for the pact between " + consumerOf(row) + " and " + providerOf(row)
                        + " failed"));
            }
        }
        for (MatrixRow row : result.considered()) {
            if (row.success() == null) {
                errors.add(error("There is no verified pact between " + consumerOf(row) + " and " + providerOf(row)));
            }
        }
        return errors;
    }

    private List<Reason> warnings() {
        List<Reason> warnings = new ArrayList<>();
        result.ignoreSelectors().stream()
                .filter(ResolvedMatrixSelector::pacticipantOrVersionMissing)
                .forEach(s -> warnings.add(new Reason("warning", "WARN: Cannot ignore " + s.description())));
        List<ResolvedMatrixSelector> specified = result.selectors().stream()
                .filter(ResolvedMatrixSelector::specified)
                .toList();
        var q = result.query();
        if (specified.size() == 1 && q.tag() == null && q.environment() == null && !q.mainBranch()) {
            warnings.add(new Reason(
                    "warning",
                    "WARN: It is recommended to specify the environment into which you are"
                            + " deploying. Without the environment, this result will not be reliable."));
        }
        boolean versionsAsked = specified.stream().anyMatch(s -> !s.onlyPacticipant());
        if (versionsAsked && specified.stream().noneMatch(s -> s.original().version() != null)) {
            warnings.add(new Reason(
                    "warning",
                    "WARN: It is recommended to specify the version number (rather than the"
                            + " tag or branch) of the pacticipant you wish to deploy to avoid race conditions. Without a version"
                            + " number, this result will not be reliable."));
        }
        return warnings;
    }

    private List<Reason> successes() {
        boolean allSucceeded = result.considered().stream().allMatch(r -> Boolean.TRUE.equals(r.success()));
        if (!allSucceeded || !requiredWithoutRow.isEmpty()) {
            return List.of();
        }
        return List.of(new Reason(
                "success",
                result.considered().isEmpty()
                        ? "There are no missing dependencies"
                        : "All required verification results are published and successful"));
    }

    private String consumerOf(MatrixRow row) {
        return selectorFor(row.consumerName(), row.consumerVersionNumber()).description();
    }

    private String providerOf(MatrixRow row) {
        return selectorFor(row.providerName(), row.providerVersionNumber()).description();
    }

    /** The selector that brought a row's version in; one made from the rows when none (or several) can say. */
    private ResolvedMatrixSelector selectorFor(String pacticipant, String versionNumber) {
        List<ResolvedMatrixSelector> found = result.selectors().stream()
                .filter(s -> s.pacticipantName().equals(pacticipant))
                .toList();
        if (found.size() == 1) {
            return found.get(0);
        }
        if (versionNumber != null) {
            return found.stream()
                    .filter(s -> versionNumber.equals(s.versionNumber()))
                    .findFirst()
                    .orElseGet(() -> describingSelector(pacticipant));
        }
        return describingSelector(pacticipant);
    }

    private ResolvedMatrixSelector describingSelector(String pacticipant) {
        return describing.stream()
                .filter(s -> Objects.equals(s.pacticipantName(), pacticipant))
                .findFirst()
                .orElseThrow();
    }

    private static Reason error(String text) {
        return new Reason("error", text);
    }
}
