package io.pactport.core.auth;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The level a request needs, by the Pact Broker's rules: GET, HEAD and OPTIONS read, every other method writes, except
 * that asking which pacts a provider should verify is a read although it is a POST. Health, metrics and the OpenAPI
 * description are public, and so are badges when public badge access is on.
 */
final class AccessPolicy {

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Pattern PACTS_FOR_VERIFICATION = Pattern.compile("^/pacts/provider/[^/]+/for-verification$");
    /**
     * The Pact Broker's badge routes that Pactport serves: a pact's (latest, latest with a tag, latest untagged), the
     * matrix's, and the two can-i-deploy shortcuts', each also as {@code badge.svg}. Each segment is one name, so no
     * other route ending in /badge matches.
     */
    private static final Pattern BADGE = Pattern.compile("^(?:"
            + "/pacts/provider/[^/]+/consumer/[^/]+/(?:latest|latest/[^/]+|latest-untagged)"
            + "|/matrix/provider/[^/]+/latest/[^/]+/consumer/[^/]+/latest/[^/]+"
            + "|/pacticipants/[^/]+/branches/[^/]+/latest-version/can-i-deploy/to-environment/[^/]+"
            + "|/pacticipants/[^/]+/latest-version/[^/]+/can-i-deploy/to/[^/]+"
            + ")/badge(?:\\.svg)?$");

    static final String HEARTBEAT = "/diagnostic/status/heartbeat";
    /** Orchestrators probe health without credentials, and the Pact Broker's Docker image has no way to give them any. */
    private static final String HEALTH = "/q/health";
    /**
     * Prometheus scrapes broker-api as it scrapes the other services, whose metrics are public; the meters carry
     * templated paths and counts, never contract content.
     */
    private static final String METRICS = "/q/metrics";
    /** The API's description holds no data, and clients and operators read it before they have credentials. */
    private static final String OPENAPI = "/q/openapi";

    private final boolean publicRead;
    private final boolean publicHeartbeat;
    private final boolean publicBadges;

    AccessPolicy(boolean publicRead, boolean publicHeartbeat, boolean publicBadges) {
        this.publicRead = publicRead;
        this.publicHeartbeat = publicHeartbeat;
        this.publicBadges = publicBadges;
    }

    /** @param path the normalised path (dot segments resolved), so {@code /q/health/../x} is not health */
    AccessLevel needed(String method, String path) {
        if (isUnder(path, HEALTH) || isUnder(path, METRICS) || OPENAPI.equals(path) && READ_METHODS.contains(method)) {
            return AccessLevel.PUBLIC;
        }
        boolean readMethod = READ_METHODS.contains(method);
        boolean read = readMethod
                || "POST".equals(method) && PACTS_FOR_VERIFICATION.matcher(path).matches();
        if (read && publicRead
                || readMethod && publicHeartbeat && HEARTBEAT.equals(path)
                || readMethod && publicBadges && BADGE.matcher(path).matches()) {
            return AccessLevel.PUBLIC;
        }
        return read ? AccessLevel.READ : AccessLevel.WRITE;
    }

    private static boolean isUnder(String path, String root) {
        return path.equals(root) || path.startsWith(root + "/");
    }
}
