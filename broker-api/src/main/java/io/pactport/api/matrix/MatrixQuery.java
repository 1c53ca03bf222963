package io.pactport.api.matrix;

import java.util.List;

/**
 * A matrix query: the selectors of the versions asked about and the Pact Broker's options. The target ({@code tag},
 * {@code environment}, {@code mainBranch}, or {@code latest} alone) names the versions of the integrated applications
 * the asked versions are to be deployed with; without one, only the asked versions are compared with each other.
 *
 * @param latestby {@code cvpv}, {@code cvp}, {@code cp} or null
 * @param success  the verification outcomes to keep ({@code null} in the list: unverified), or null for all
 */
public record MatrixQuery(
        List<MatrixSelector> selectors,
        String latestby,
        boolean latest,
        String tag,
        String environment,
        boolean mainBranch,
        List<Boolean> success,
        List<MatrixSelector> ignore,
        int limit) {

    public static final int DEFAULT_LIMIT = 100;

    /** The versions the selectors name compared with each other: no target, filter or ignore, the default limit. */
    public static MatrixQuery of(List<MatrixSelector> selectors) {
        return new MatrixQuery(selectors, null, false, null, null, false, null, List.of(), DEFAULT_LIMIT);
    }

    public MatrixQuery latestby(String value) {
        return new MatrixQuery(selectors, value, latest, tag, environment, mainBranch, success, ignore, limit);
    }

    /** Against the newest version with a tag of each integrated application (the CLI's {@code --to TAG}). */
    public MatrixQuery toTag(String value) {
        return new MatrixQuery(selectors, latestby, true, value, environment, mainBranch, success, ignore, limit);
    }

    /** Against the newest version of each integrated application's main branch. */
    public MatrixQuery toMainBranch() {
        return new MatrixQuery(selectors, latestby, true, tag, environment, true, success, ignore, limit);
    }

    /** Against the versions of each integrated application in an environment now. */
    public MatrixQuery toEnvironment(String value) {
        return new MatrixQuery(selectors, latestby, latest, tag, value, mainBranch, success, ignore, limit);
    }

    public MatrixQuery ignoring(List<MatrixSelector> value) {
        return new MatrixQuery(selectors, latestby, latest, tag, environment, mainBranch, success, value, limit);
    }

    public MatrixQuery limit(int value) {
        return new MatrixQuery(selectors, latestby, latest, tag, environment, mainBranch, success, ignore, value);
    }

    /** Whether the versions of the integrated applications are worked out from the target (the CLI's {@code --to}). */
    public boolean infersIntegratedVersions() {
        return latest || tag != null || environment != null || mainBranch;
    }

    /** {@code /matrix/provider/{p}/consumer/{c}}: every version of the two, with this query's options. */
    public MatrixQuery forIntegration(String consumer, String provider) {
        return new MatrixQuery(
                List.of(MatrixSelector.of(consumer), MatrixSelector.of(provider)),
                latestby,
                latest,
                tag,
                environment,
                mainBranch,
                success,
                ignore,
                limit);
    }
}
