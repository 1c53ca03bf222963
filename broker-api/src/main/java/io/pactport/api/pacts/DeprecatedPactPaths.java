package io.pactport.api.pacts;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Pact Broker's deprecated pact paths, still used by old clients and scripts, served as the current ones they
 * stand for: every method (read, publish, merge, delete) behaves exactly as on the current path, because the request
 * is routed there before any resource sees it. The singular {@code /pact/provider/{p}/consumer/{c}/version/{v}} and
 * {@code …/latest}, and the plural {@code /pacts/provider/{p}/consumer/{c}/versions/{v}}.
 */
@ApplicationScoped
public class DeprecatedPactPaths {

    private static final Pattern SINGULAR =
            Pattern.compile("/pact(/provider/[^/]+/consumer/[^/]+/(?:version/[^/]+|latest))");
    private static final Pattern VERSIONS = Pattern.compile("(/pacts/provider/[^/]+/consumer/[^/]+)/versions/([^/]+)");

    void install(@Observes Router router) {
        router.route().order(-20).handler(context -> {
            String current = current(context.request().path());
            if (current == null) {
                context.next();
            } else {
                String query = context.request().query();
                context.reroute(query == null ? current : current + "?" + query);
            }
        });
    }

    /** The current path a deprecated one stands for; null when the path is not a deprecated one. */
    static String current(String path) {
        Matcher singular = SINGULAR.matcher(path);
        if (singular.matches()) {
            return "/pacts" + singular.group(1);
        }
        Matcher versions = VERSIONS.matcher(path);
        if (versions.matches()) {
            return versions.group(1) + "/version/" + versions.group(2);
        }
        return null;
    }
}
