package io.pactport.api.matrix;

/**
 * A selector with its pacticipant and version looked up. A selector naming several versions (all versions tagged
 * {@code prod}) resolves to one of these per version; {@link #versionId} is null for "every version of the
 * pacticipant" and {@link #MISSING} when no version matched, so that it matches no row.
 *
 * @param type      specified in the query, inferred from its target, or an ignore selector
 * @param ignore    whether a missing or failed verification of this version is to be ignored
 * @param oneOfMany whether the selector matched more than one version
 * @param branch    the branch asked for, or the main branch's name when that was asked for and a version found
 */
public record ResolvedMatrixSelector(
        long pacticipantId,
        String pacticipantName,
        Long versionId,
        String versionNumber,
        MatrixSelector original,
        Type type,
        boolean ignore,
        boolean oneOfMany,
        String branch) {

    /** Matches no pacticipant or version id. */
    public static final long MISSING = -1;

    public enum Type {
        SPECIFIED,
        INFERRED,
        IGNORE
    }

    /** A selector for every version of a pacticipant ({@link #MISSING} when there is no such pacticipant). */
    public static ResolvedMatrixSelector everyVersion(
            long pacticipantId, MatrixSelector original, Type type, boolean ignore) {
        return new ResolvedMatrixSelector(
                pacticipantId, original.pacticipant(), null, null, original, type, ignore, false, null);
    }

    /** A selector made up from a row, for every version of a pacticipant. */
    public static ResolvedMatrixSelector describing(long pacticipantId, String name) {
        return describing(pacticipantId, name, null, null);
    }

    /** A selector made up from a row, to describe a pacticipant no query selector names alone. */
    public static ResolvedMatrixSelector describing(long pacticipantId, String name, Long versionId, String number) {
        return new ResolvedMatrixSelector(
                pacticipantId, name, versionId, number, MatrixSelector.of(name), Type.INFERRED, false, false, null);
    }

    public boolean specified() {
        return type == Type.SPECIFIED;
    }

    public boolean consider() {
        return !ignore;
    }

    public boolean onlyPacticipant() {
        return original.onlyPacticipant();
    }

    public boolean pacticipantMissing() {
        return pacticipantId == MISSING;
    }

    public boolean versionMissing() {
        return versionId != null && versionId == MISSING;
    }

    public boolean pacticipantOrVersionMissing() {
        return pacticipantMissing() || versionMissing();
    }

    private boolean latest() {
        return original.latest();
    }

    /** The Pact Broker's words for the versions this selector stands for, as its reasons quote them. */
    public String description() {
        String name = pacticipantName;
        String tag = original.tag();
        String environment = original.environment();
        String number = versionMissing() ? null : versionNumber;
        if (latest() && tag != null) {
            return "the latest version of " + name + " with tag " + tag
                    + (number != null ? " (" + number + ")" : " (no such version exists)");
        }
        if (latest() && original.mainBranch() && number == null) {
            return "the latest version of " + name + " from the main branch (no versions exist for this branch)";
        }
        if (original.mainBranch() && number == null) {
            return "any version of " + name + " from the main branch (no versions exist for this branch)";
        }
        if (latest() && branch != null) {
            return "the latest version of " + name + " from branch " + branch
                    + (number != null ? " (" + number + ")" : " (no such version exists)");
        }
        if (branch != null && number != null) {
            return (oneOfMany ? "one of the versions " : "the version ") + "of " + name + " from branch " + branch
                    + " (" + number + ")";
        }
        if (branch != null) {
            return "a version of " + name + " from branch " + branch + " (no such version exists)";
        }
        if (latest()) {
            return "the latest version of " + name
                    + (number != null ? " (" + number + ")" : " (no such version exists)");
        }
        if (tag != null) {
            return "a version of " + name + " with tag " + tag
                    + (number != null ? " (" + number + ")" : " (no such version exists)");
        }
        if (environment != null && number != null) {
            return (oneOfMany ? "one of the versions" : "the version") + " of " + name + " currently in " + environment
                    + " (" + number + ")";
        }
        if (environment != null) {
            return "a version of " + name + " currently in " + environment
                    + " (no version is currently recorded as deployed/released in this environment)";
        }
        if (versionNumber != null && versionMissing()) {
            return "version " + versionNumber + " of " + name + " (no such version exists)";
        }
        if (versionNumber != null) {
            return "version " + versionNumber + " of " + name;
        }
        if (pacticipantMissing()) {
            return "any version of " + name + " (no such pacticipant exists)";
        }
        return "any version of " + name;
    }

    /** Why a specified selector matched nothing. */
    public String versionMissingDescription() {
        if (original.tag() != null) {
            return "No version with tag " + original.tag() + " exists for " + pacticipantName;
        }
        if (branch != null) {
            return "No version of " + pacticipantName + " from branch " + branch + " exists";
        }
        if (original.mainBranch()) {
            return "No version of " + pacticipantName + " from the main branch exists";
        }
        if (original.environment() != null) {
            return "No version of " + pacticipantName + " is currently recorded as deployed or released in environment "
                    + original.environment();
        }
        if (versionNumber != null) {
            return "No pacts or verifications have been published for version " + versionNumber + " of "
                    + pacticipantName;
        }
        return "No pacts or verifications have been published for " + pacticipantName;
    }
}
