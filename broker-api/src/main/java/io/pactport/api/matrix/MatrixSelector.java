package io.pactport.api.matrix;

/**
 * One {@code q[]} (or {@code ignore[]}) entry of a matrix query, as asked: a pacticipant and, optionally, which of its
 * versions. Only the pacticipant set means "every version" ({@link #onlyPacticipant()}).
 */
public record MatrixSelector(
        String pacticipant,
        String version,
        boolean latest,
        String tag,
        String branch,
        boolean mainBranch,
        String environment) {

    public static MatrixSelector of(String pacticipant) {
        return new MatrixSelector(pacticipant, null, false, null, null, false, null);
    }

    public static MatrixSelector of(String pacticipant, String version) {
        return new MatrixSelector(pacticipant, version, false, null, null, false, null);
    }

    /** The newest version on a branch. */
    public static MatrixSelector latestOnBranch(String pacticipant, String branch) {
        return new MatrixSelector(pacticipant, null, true, null, branch, false, null);
    }

    /** The newest version of the pacticipant's main branch. */
    public static MatrixSelector latestOnMainBranch(String pacticipant) {
        return new MatrixSelector(pacticipant, null, true, null, null, true, null);
    }

    /** The newest version with a tag. */
    public static MatrixSelector latestWithTag(String pacticipant, String tag) {
        return new MatrixSelector(pacticipant, null, true, tag, null, false, null);
    }

    /** A query's target without a pacticipant: the versions it names of whichever application it is applied to. */
    public static MatrixSelector target(boolean latest, String tag, boolean mainBranch, String environment) {
        return new MatrixSelector(null, null, latest, tag, null, mainBranch, environment);
    }

    public boolean onlyPacticipant() {
        return version == null && !latest && tag == null && branch == null && !mainBranch && environment == null;
    }
}
