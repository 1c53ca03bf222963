package io.pactport.api.matrix;

import io.pactport.api.http.RequestErrors;
import io.pactport.api.matrix.MatrixRepository.Ids;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * can-i-deploy: one pacticipant version against what is in an environment (or carries a tag) now, checked and
 * phrased as the Pact Broker's {@code /can-i-deploy} and its branch and tag shortcut URLs do, answered by the matrix.
 */
@ApplicationScoped
public class CanIDeployService {

    /** A shortcut URL's answer; {@code missing} names what does not exist ("pacticipant", "branch", ...), else null. */
    public record Answer(MatrixResult result, String missing) {}

    private final Pool pool;
    private final MatrixRepository repository;
    private final MatrixService matrix;
    private final CanIDeployQuestions questions;

    CanIDeployService(Pool pool, MatrixRepository repository, MatrixService matrix, CanIDeployQuestions questions) {
        this.pool = pool;
        this.repository = repository;
        this.matrix = matrix;
        this.questions = questions;
    }

    /**
     * {@code GET /can-i-deploy}: pacticipant and version required, exactly one of {@code to} (a tag) and
     * {@code environment}; errors in the Pact Broker's contract form ({@code ""} holds the errors about the pair).
     *
     * @param values each parameter's values as given (absent: null; a repeated or nested one: several)
     */
    public Uni<MatrixResult> canIDeploy(Map<String, List<String>> values, List<MatrixSelector> ignore) {
        RequestErrors errors = new RequestErrors();
        String pacticipant = errors.parameter("pacticipant", values.get("pacticipant"), true);
        String version = errors.parameter("version", values.get("version"), true);
        String to = errors.parameter("to", values.get("to"), false);
        String environment = errors.parameter("environment", values.get("environment"), false);
        // one look-up for the checks and the matrix: every name the query mentions
        return matrix.ids(
                        Stream.concat(Stream.of(pacticipant), ignore.stream().map(MatrixSelector::pacticipant)),
                        Stream.concat(Stream.of(environment), ignore.stream().map(MatrixSelector::environment)))
                .flatMap(ids -> {
                    if (pacticipant != null && !ids.pacticipants().containsKey(pacticipant)) {
                        errors.add("pacticipant", "does not match an existing pacticipant");
                    }
                    if (environment != null && !ids.environments().containsKey(environment)) {
                        errors.add("environment", "with name '" + environment + "' does not exist");
                    }
                    boolean pairChecked = !errors.has("to") && !errors.has("environment");
                    if (pairChecked && to != null && environment != null) {
                        errors.add("", "Cannot specify both a 'to' tag and an environment.");
                    }
                    if (pairChecked
                            && to == null
                            && environment == null
                            && !values.containsKey("to")
                            && !values.containsKey("environment")) {
                        errors.add("", "Must specify either an environment or a 'to' tag.");
                    }
                    errors.throwIfAny();
                    // cvpv for an environment: every version live there is judged, not only the newest
                    MatrixQuery asked = MatrixQuery.of(List.of(MatrixSelector.of(pacticipant, version)))
                            .latestby(environment != null ? "cvpv" : "cvp")
                            .toEnvironment(environment)
                            .ignoring(ignore);
                    MatrixQuery q = to != null ? asked.toTag(to) : asked;
                    return matrix.find(q, ids).invoke(questions::answered);
                });
    }

    /** {@code /pacticipants/{p}/branches/{b}/latest-version/can-i-deploy/to-environment/{e}}. */
    public Uni<Answer> branchToEnvironment(String pacticipant, String branch, String environment) {
        MatrixQuery q = MatrixQuery.of(List.of(MatrixSelector.latestOnBranch(pacticipant, branch)))
                .latestby("cvpv")
                .toEnvironment(environment);
        return matrix.ids(q).flatMap(ids -> {
            Long pacticipantId = ids.pacticipants().get(pacticipant);
            if (pacticipantId == null) {
                return missing("pacticipant");
            }
            if (!ids.environments().containsKey(environment)) {
                return repository
                        .branchExists(pool, pacticipantId, branch)
                        .flatMap(exists -> exists ? latestOnBranch(q, ids, "environment") : missing("branch"));
            }
            return matrix.find(q, ids)
                    .flatMap(result -> askedVersionMissing(result)
                            ? repository
                                    .branchExists(pool, pacticipantId, branch)
                                    .map(exists -> new Answer(null, exists ? "version" : "branch"))
                            : Uni.createFrom().item(answered(result)));
        });
    }

    /** {@code /pacticipants/{p}/latest-version/{tag}/can-i-deploy/to/{to}}. */
    public Uni<Answer> tagToTag(String pacticipant, String tag, String to) {
        MatrixQuery q = MatrixQuery.of(List.of(MatrixSelector.latestWithTag(pacticipant, tag)))
                .latestby("cvp")
                .toTag(to);
        return matrix.ids(q)
                .flatMap(ids -> ids.pacticipants().containsKey(pacticipant)
                        ? matrix.find(q, ids)
                                .map(result ->
                                        askedVersionMissing(result) ? new Answer(null, "version") : answered(result))
                        : missing("pacticipant"));
    }

    /**
     * can-i-merge: the newest version of the pacticipant's main branch against the newest main-branch version of each
     * application it integrates with, as the Pact Broker's {@code can_i_merge}; {@code missing} is "pacticipant" or
     * "main branch version".
     */
    public Uni<Answer> canIMerge(String pacticipant) {
        MatrixQuery q = MatrixQuery.of(List.of(MatrixSelector.latestOnMainBranch(pacticipant)))
                .latestby("cvp")
                .toMainBranch();
        return matrix.ids(q)
                .flatMap(ids -> ids.pacticipants().containsKey(pacticipant)
                        ? matrix.find(q, ids)
                                .map(result -> askedVersionMissing(result)
                                        ? new Answer(null, "main branch version")
                                        : answered(result))
                        : missing("pacticipant"));
    }

    /** Without the environment, whether the branch has a version decides between "version" and "environment". */
    private Uni<Answer> latestOnBranch(MatrixQuery q, Ids ids, String otherwiseMissing) {
        MatrixQuery withoutTarget =
                MatrixQuery.of(q.selectors()).latestby(q.latestby()).limit(1);
        return matrix.find(withoutTarget, ids)
                .map(result -> new Answer(null, askedVersionMissing(result) ? "version" : otherwiseMissing));
    }

    /** A shortcut found its version: the concrete question it resolved to is known to the shadow can-i-deploy. */
    private Answer answered(MatrixResult result) {
        questions.answered(result);
        return new Answer(result, null);
    }

    private static boolean askedVersionMissing(MatrixResult result) {
        return result.selectors().stream()
                .filter(ResolvedMatrixSelector::specified)
                .anyMatch(ResolvedMatrixSelector::versionMissing);
    }

    private static Uni<Answer> missing(String what) {
        return Uni.createFrom().item(new Answer(null, what));
    }
}
