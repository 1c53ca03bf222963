package io.pactport.api.matrix;

/**
 * One {@code q[]} (or {@code ignore[]}) entry of a matrix query, as asked: a pacticipant and, optionally, which of its
 * versions. Only the pacticipant set means "every version" ({@link #onlyPacticipant()}).
 */
public record MatrixSelector(String pacticipant, String version, boolean latest, String tag, String branch,
        boolean mainBranch, String environment) {

    public static MatrixSelector of(String pacticipant) {
        return new MatrixSelector(pacticipant, null, false, null, null, false, null);
    }

    public static MatrixSelector of(String pacticipant, String version) {
        return new MatrixSelector(pacticipant, version, false, null, null, false, null);
    }

    public boolean onlyPacticipant() {
        return version == null && !latest && tag == null && branch == null && !mainBranch && environment == null;
    }
}
