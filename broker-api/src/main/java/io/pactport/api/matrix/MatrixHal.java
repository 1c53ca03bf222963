package io.pactport.api.matrix;

import static io.pactport.api.http.HalFields.link;

import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.Hal;
import io.pactport.api.http.HalFields;
import io.pactport.api.http.TextTable;
import io.pactport.api.http.Timestamps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A matrix result in the Pact Broker's shapes: its HAL JSON (summary, notices, rows) and its text table. */
final class MatrixHal {

    private static final String[] HEADERS = {
        "CONSUMER", "C_VERSION", "REVISION", "PROVIDER", "P_VERSION", "NUMBER", "SUCCESS"
    };

    private MatrixHal() {}

    static Map<String, Object> json(String base, MatrixResult result) {
        MatrixSummary summary = MatrixSummary.of(result);
        List<MatrixSummary.Reason> reasons = summary.reasons();
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("deployable", summary.deployable());
        head.put(
                "reason",
                String.join(
                        "\n", reasons.stream().map(MatrixSummary.Reason::text).toList()));
        head.putAll(summary.counts());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("summary", head);
        json.put(
                "notices",
                reasons.stream()
                        .map(r -> Hal.object("type", r.type(), "text", r.text()))
                        .toList());
        List<Object> rows = new ArrayList<>();
        result.considered().forEach(row -> rows.add(row(base, result, row)));
        result.ignored().forEach(row -> {
            Map<String, Object> json1 = row(base, result, row);
            json1.put("ignored", true);
            rows.add(json1);
        });
        json.put("matrix", rows);
        return json;
    }

    private static Map<String, Object> row(String base, MatrixResult result, MatrixRow row) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(
                "consumer",
                pacticipant(
                        base,
                        row.consumerName(),
                        version(
                                base,
                                row.consumerName(),
                                row.consumerVersionNumber(),
                                result.details(row.consumerVersionId()))));
        json.put(
                "provider",
                pacticipant(
                        base,
                        row.providerName(),
                        row.providerVersionNumber() == null
                                ? null
                                : version(
                                        base,
                                        row.providerName(),
                                        row.providerVersionNumber(),
                                        result.details(row.providerVersionId()))));
        Map<String, Object> pact = new LinkedHashMap<>();
        pact.put("createdAt", Timestamps.format(row.pactCreatedAt()));
        pact.put(
                "_links",
                Map.of(
                        "self",
                        Map.of(
                                "href",
                                BrokerUrls.integration(base, row.consumerName(), row.providerName()) + "/version/"
                                        + BrokerUrls.encode(row.consumerVersionNumber()))));
        json.put("pact", pact);
        if (row.success() == null) {
            json.put("verificationResult", null);
        } else {
            Map<String, Object> verification = new LinkedHashMap<>();
            verification.put("success", row.success());
            verification.put("verifiedAt", Timestamps.format(row.verifiedAt()));
            verification.put(
                    "_links",
                    Map.of(
                            "self",
                            Map.of(
                                    "href",
                                    BrokerUrls.verification(
                                            base,
                                            row.consumerName(),
                                            row.providerName(),
                                            row.pactVersionSha(),
                                            row.verificationNumber()))));
            json.put("verificationResult", verification);
        }
        return json;
    }

    private static Map<String, Object> pacticipant(String base, String name, Map<String, Object> version) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("version", version);
        json.put("_links", Map.of("self", Map.of("href", BrokerUrls.pacticipant(base, name))));
        return json;
    }

    private static Map<String, Object> version(
            String base, String pacticipant, String number, MatrixVersionDetails details) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("number", number);
        List<MatrixVersionDetails.BranchRef> branches = details.branches();
        json.put(
                "branch",
                branches.isEmpty() ? null : branches.get(branches.size() - 1).name());
        List<Object> branchVersions = branches.stream()
                .map(b -> (Object) Hal.object(
                        "name",
                        b.name(),
                        "latest",
                        b.latest(),
                        "_links",
                        Map.of(
                                "self",
                                link(
                                        BrokerUrls.branchVersion(base, pacticipant, b.name(), number),
                                        "Branch version",
                                        b.name()))))
                .toList();
        // "branches" is the Pact Broker's older name for the same list
        json.put("branches", branchVersions);
        json.put("branchVersions", branchVersions);
        json.put(
                "environments",
                details.environments().stream()
                        .map(e -> {
                            Map<String, Object> env = new LinkedHashMap<>();
                            env.put("uuid", e.uuid());
                            env.put("name", e.name());
                            env.put("displayName", e.displayName());
                            env.put("production", e.production());
                            HalFields.timestamps(env, e.createdAt(), e.updatedAt());
                            env.put(
                                    "_links",
                                    Map.of(
                                            "self",
                                            link(BrokerUrls.environment(base, e.uuid()), "Environment", e.name())));
                            return env;
                        })
                        .toList());
        json.put("_links", Map.of("self", Map.of("href", BrokerUrls.version(base, pacticipant, number))));
        json.put(
                "tags",
                details.tags().stream()
                        .map(t -> Hal.object(
                                "name",
                                t.name(),
                                "latest",
                                t.latest(),
                                "_links",
                                Map.of("self", Map.of("href", BrokerUrls.tag(base, pacticipant, number, t.name())))))
                        .toList());
        return json;
    }

    /** The Pact Broker's {@code text/plain} answer: a table of the rows, then the verdict and the reasons. */
    static String text(MatrixResult result) {
        MatrixSummary summary = MatrixSummary.of(result);
        List<String[]> lines = new ArrayList<>();
        lines.add(HEADERS);
        List<MatrixRow> rows = new ArrayList<>(result.considered());
        rows.addAll(result.ignored());
        for (MatrixRow r : rows) {
            lines.add(new String[] {
                r.consumerName(),
                r.consumerVersionNumber(),
                String.valueOf(r.pactRevisionNumber()),
                r.providerName(),
                blank(r.providerVersionNumber()),
                blank(r.verificationNumber()),
                blank(r.success())
            });
        }
        StringBuilder text = new StringBuilder(TextTable.of(lines));
        Boolean deployable = summary.deployable();
        text.append("\nDeployable: ")
                .append(deployable == null ? "nil" : deployable.toString())
                .append("\nReason: ")
                .append(String.join(
                        "\n",
                        summary.reasons().stream()
                                .map(MatrixSummary.Reason::text)
                                .toList()))
                .append('\n');
        return text.toString();
    }

    private static String blank(Object value) {
        return value == null ? "" : value.toString();
    }
}
