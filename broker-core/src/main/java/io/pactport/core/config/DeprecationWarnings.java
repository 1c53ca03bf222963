package io.pactport.core.config;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Logs each old-name warning once per JVM: SmallRye builds the configuration several times per start (build, static
 * and runtime init) and more than one factory reads the same old name, so the operator would otherwise read it many
 * times.
 */
final class DeprecationWarnings {

    private static final Logger LOG = Logger.getLogger(DeprecationWarnings.class);
    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

    private DeprecationWarnings() {}

    /** The warnings hold names only, never values, so they are safe to log. */
    static void logOnce(Collection<String> warnings) {
        for (String warning : warnings) {
            if (LOGGED.add(warning)) {
                LOG.warn(warning);
            }
        }
    }
}
