package io.pactport.api.versions;

import java.util.List;

/**
 * A version's writable fields as a request gives them: {@code buildUrlGiven} tells an absent {@code buildUrl} from a
 * null one; {@code tags} is null when the request does not replace the tags.
 */
public record VersionChanges(boolean buildUrlGiven, String buildUrl, List<String> tags) {

    /** No body: nothing to change. */
    public static final VersionChanges NONE = new VersionChanges(false, null, null);
}
