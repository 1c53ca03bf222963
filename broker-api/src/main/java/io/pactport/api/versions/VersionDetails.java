package io.pactport.api.versions;

import java.util.List;

/** A version with everything its representation shows: its branches, tags, deployments, releases and pacts. */
public record VersionDetails(
        String pacticipantName,
        Version version,
        List<Tag> tags,
        List<BranchVersion> branchVersions,
        List<VersionEnvironment> environments,
        List<VersionRecord> deployments,
        List<VersionRecord> releases,
        List<String> pactProviders) {}
