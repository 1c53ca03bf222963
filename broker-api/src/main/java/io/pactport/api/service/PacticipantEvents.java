package io.pactport.api.service;

import io.pactport.api.model.Pacticipant;
import java.util.List;

/**
 * The payloads of the pacticipant-scoped events: each self-contained (names, not ids), keyed by the pacticipant name.
 */
public final class PacticipantEvents {

    private PacticipantEvents() {
    }

    /** PACTICIPANT_CREATED / _UPDATED / _DELETED: the pacticipant as it is (was, for a delete). */
    public record PacticipantChanged(String name, String displayName, String repositoryUrl, String repositoryName,
            String repositoryNamespace, String mainBranch) {

        public static PacticipantChanged of(Pacticipant p) {
            return new PacticipantChanged(p.name(), p.displayName(), p.repositoryUrl(), p.repositoryName(),
                    p.repositoryNamespace(), p.mainBranch());
        }
    }

    /** LABEL_ADDED / LABEL_REMOVED. */
    public record LabelChanged(String pacticipant, String label) {
    }

    /** VERSION_CREATED / _UPDATED / _DELETED: the version with its branches and tags. */
    public record VersionChanged(String pacticipant, String number, String buildUrl, List<String> branches,
            List<String> tags) {
    }

    /** BRANCH_VERSION_ADDED: the version became the branch's head. */
    public record BranchVersionAdded(String pacticipant, String branch, String version, boolean autoCreated) {
    }

    /** BRANCH_VERSION_REMOVED: the version is no longer on the branch; the version and the branch stay. */
    public record BranchVersionRemoved(String pacticipant, String branch, String version) {
    }

    /** BRANCH_DELETED: the branch and its branch versions are gone; the versions stay. */
    public record BranchDeleted(String pacticipant, String branch, List<String> versions) {
    }

    /** TAG_ADDED / TAG_REMOVED. */
    public record TagChanged(String pacticipant, String version, String tag) {
    }
}
