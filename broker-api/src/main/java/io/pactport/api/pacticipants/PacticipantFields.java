package io.pactport.api.pacticipants;

/**
 * The writable fields of a pacticipant, as the Pact Broker saves them: a blank display name is generated from the name,
 * a blank main branch is no main branch.
 */
public record PacticipantFields(
        String displayName,
        String repositoryUrl,
        String repositoryName,
        String repositoryNamespace,
        String mainBranch) {

    public static final PacticipantFields NONE = new PacticipantFields(null, null, null, null, null);

    public static PacticipantFields of(Pacticipant p) {
        return new PacticipantFields(
                p.displayName(), p.repositoryUrl(), p.repositoryName(), p.repositoryNamespace(), p.mainBranch());
    }

    /** What is stored for the pacticipant {@code name}. */
    public PacticipantFields normalisedFor(String name) {
        return new PacticipantFields(
                blank(displayName) ? PacticipantDisplayName.of(name) : displayName,
                repositoryUrl,
                repositoryName,
                repositoryNamespace,
                blank(mainBranch) ? null : mainBranch);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
