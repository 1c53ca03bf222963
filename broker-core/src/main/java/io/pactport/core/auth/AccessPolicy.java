package io.pactport.core.auth;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The level a request needs, by the Pact Broker's rules: GET, HEAD and OPTIONS read, every other method writes, except
 * that asking which pacts a provider should verify is a read although it is a POST. Health, metrics and the OpenAPI
 * description are public.
 */
final class AccessPolicy {

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Pattern PACTS_FOR_VERIFICATION = Pattern.compile("^/pacts/provider/[^/]+/for-verification$");
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

    AccessPolicy(boolean publicRead, boolean publicHeartbeat) {
        this.publicRead = publicRead;
        this.publicHeartbeat = publicHeartbeat;
    }

    /** @param path the normalised path (dot segments resolved), so {@code /q/health/../x} is not health */
    AccessLevel needed(String method, String path) {
        if (isUnder(path, HEALTH) || isUnder(path, METRICS) || OPENAPI.equals(path) && READ_METHODS.contains(method)) {
            return AccessLevel.PUBLIC;
        }
        boolean readMethod = READ_METHODS.contains(method);
        boolean read = readMethod || "POST".equals(method) && PACTS_FOR_VERIFICATION.matcher(path).matches();
        if (read && publicRead || readMethod && publicHeartbeat && HEARTBEAT.equals(path)) {
            return AccessLevel.PUBLIC;
        }
        return read ? AccessLevel.READ : AccessLevel.WRITE;
    }

    private static boolean isUnder(String path, String root) {
        return path.equals(root) || path.startsWith(root + "/");
    }
}
