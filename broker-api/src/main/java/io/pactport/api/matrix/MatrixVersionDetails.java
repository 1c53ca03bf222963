package io.pactport.api.matrix;

import java.time.LocalDateTime;
import java.util.List;

/** What a matrix row shows of a version: its tags, its branches and where it is deployed or released now. */
public record MatrixVersionDetails(List<TagRef> tags, List<BranchRef> branches, List<EnvironmentRef> environments) {

    public static final MatrixVersionDetails NONE = new MatrixVersionDetails(List.of(), List.of(), List.of());

    /** @param latest whether no later version of the pacticipant has this tag */
    public record TagRef(String name, boolean latest) {}

    /** @param latest whether the version is its branch's head */
    public record BranchRef(String name, boolean latest) {}

    public record EnvironmentRef(
            String uuid,
            String name,
            String displayName,
            boolean production,
            LocalDateTime createdAt,
            LocalDateTime updatedAt) {}
}
