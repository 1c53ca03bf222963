package io.pactport.api.versions;

/**
 * A deployment or release of a version, as the version's {@code pb:deployed-environments} / {@code
 * pb:released-environments} links show it: {@code current} is "currently deployed" resp. "currently supported".
 */
public record VersionRecord(String uuid, String environmentDisplayName, String applicationInstance, boolean current) {}
