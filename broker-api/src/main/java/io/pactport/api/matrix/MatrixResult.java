package io.pactport.api.matrix;

import java.util.List;
import java.util.Map;

/**
 * What a matrix query found: the rows considered and those matched by an ignore selector, the selectors as resolved
 * (asked and inferred), the ignore selectors, the integrations involved, and the details of every version shown.
 */
public record MatrixResult(
        MatrixQuery query,
        List<MatrixRow> considered,
        List<MatrixRow> ignored,
        List<ResolvedMatrixSelector> selectors,
        List<ResolvedMatrixSelector> ignoreSelectors,
        List<MatrixIntegration> integrations,
        Map<Long, MatrixVersionDetails> details) {

    public MatrixVersionDetails details(Long versionId) {
        return versionId == null
                ? MatrixVersionDetails.NONE
                : details.getOrDefault(versionId, MatrixVersionDetails.NONE);
    }
}
