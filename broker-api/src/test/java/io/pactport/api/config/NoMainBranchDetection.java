package io.pactport.api.config;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** {@code PACTFLOW_AUTO_DETECT_MAIN_BRANCH=false}, and a first tag becomes a branch only within 5 seconds (not
 * the default 10). */
public class NoMainBranchDetection implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "pactflow.auto-detect-main-branch", "false",
                // a bare number is seconds, as in the Pact Broker
                "pactflow.use-first-tag-as-branch-time-limit", "5");
    }
}
