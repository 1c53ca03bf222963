package io.pactport.api.matrix;

import io.pactport.api.http.BrokerUrls;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the matrix page shows: the query's form as asked, and, once answered, the rows and can-i-deploy's verdict as
 * {@link MatrixSummary} gives them to the API, so the page and {@code GET /matrix} cannot disagree.
 */
public record MatrixView(Form form, Answer answer, List<String> errors) {

    /** One {@code q[]} row of the form. */
    public record SelectorRow(
            String pacticipant,
            String version,
            String branch,
            String tag,
            String environment,
            boolean latest,
            boolean mainBranch) {

        static SelectorRow of(MatrixSelector s) {
            return new SelectorRow(
                    blank(s.pacticipant()),
                    blank(s.version()),
                    blank(s.branch()),
                    blank(s.tag()),
                    blank(s.environment()),
                    s.latest(),
                    s.mainBranch());
        }

        static final SelectorRow EMPTY = new SelectorRow("", "", "", "", "", false, false);
    }

    /** The form's fields, under the Pact Broker's parameter names. */
    public record Form(
            List<SelectorRow> selectors,
            String environment,
            String tag,
            boolean latest,
            boolean mainBranch,
            String latestby,
            int limit) {

        /** The form as a query asked it; two empty rows when it named no selector. */
        static Form of(MatrixQuery q) {
            List<SelectorRow> rows =
                    new ArrayList<>(q.selectors().stream().map(SelectorRow::of).toList());
            while (rows.size() < 2) {
                rows.add(SelectorRow.EMPTY);
            }
            return new Form(
                    rows,
                    blank(q.environment()),
                    blank(q.tag()),
                    q.latest(),
                    q.mainBranch(),
                    blank(q.latestby()),
                    q.limit());
        }
    }

    /** A matrix row; the provider's fields and the verification's are null when no provider version verified it. */
    public record Line(
            String consumer,
            String consumerVersion,
            List<String> consumerBranches,
            List<String> consumerTags,
            String provider,
            String providerVersion,
            List<String> providerBranches,
            List<String> providerTags,
            Boolean success,
            LocalDateTime verifiedAt,
            String pactHref,
            String verificationHref,
            boolean ignored) {}

    public record Count(String name, int value) {}

    /** @param deployable "true", "false" or "unknown", as the API's {@code summary.deployable} (null is unknown) */
    public record Answer(String deployable, List<MatrixSummary.Reason> reasons, List<Count> counts, List<Line> lines) {}

    static MatrixView asked(MatrixQuery q) {
        return new MatrixView(Form.of(q), null, List.of());
    }

    static MatrixView refused(MatrixQuery q, List<String> errors) {
        return new MatrixView(Form.of(q), null, errors);
    }

    /** @param base the path prefix of the page's links */
    static MatrixView answered(MatrixQuery q, MatrixResult result, String base) {
        MatrixSummary summary = MatrixSummary.of(result);
        Boolean deployable = summary.deployable();
        List<Line> lines = Stream.concat(
                        result.considered().stream().map(row -> line(result, row, base, false)),
                        result.ignored().stream().map(row -> line(result, row, base, true)))
                .toList();
        List<Count> counts = summary.counts().entrySet().stream()
                .map(e -> new Count(e.getKey(), e.getValue()))
                .toList();
        return new MatrixView(
                Form.of(q),
                new Answer(deployable == null ? "unknown" : deployable.toString(), summary.reasons(), counts, lines),
                List.of());
    }

    private static Line line(MatrixResult result, MatrixRow row, String base, boolean ignored) {
        MatrixVersionDetails consumer = result.details(row.consumerVersionId());
        MatrixVersionDetails provider = result.details(row.providerVersionId());
        return new Line(
                row.consumerName(),
                row.consumerVersionNumber(),
                consumer.branches().stream()
                        .map(MatrixVersionDetails.BranchRef::name)
                        .toList(),
                consumer.tags().stream().map(MatrixVersionDetails.TagRef::name).toList(),
                row.providerName(),
                row.providerVersionNumber(),
                provider.branches().stream()
                        .map(MatrixVersionDetails.BranchRef::name)
                        .toList(),
                provider.tags().stream().map(MatrixVersionDetails.TagRef::name).toList(),
                row.success(),
                row.verifiedAt(),
                BrokerUrls.pact(base, row.consumerName(), row.providerName(), row.consumerVersionNumber()),
                row.verificationNumber() == null
                        ? null
                        : BrokerUrls.verification(
                                base,
                                row.consumerName(),
                                row.providerName(),
                                row.pactVersionSha(),
                                row.verificationNumber()),
                ignored);
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }
}
