package io.pactport.api.config;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The Pact Broker's domain settings away from their defaults, one application for every test of what they change (the
 * tests of the defaults run in the default profile): {@code trunk} the only main branch candidate, no first tag as
 * branch, no deployments for tags, versions ordered by number with {@code %M} not a format (so {@code 42} is not a
 * version number), names matched in any case, no duplicate name check, pacts equal only when their whole content is.
 */
public class ChangedDomainSettings implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "pactflow.main-branch-candidates", "trunk",
                "pactflow.use-first-tag-as-branch", "false",
                "pactflow.create-deployed-versions-for-tags", "false",
                "pactflow.order-versions-by-date", "false",
                "pactflow.semver-formats", "%M.%m.%p%s%d %M.%m",
                "pactflow.use-case-sensitive-resource-names", "false",
                "pactflow.check-for-potential-duplicate-pacticipant-names", "false",
                "pactflow.base-equality-only-on-content-that-affects-verification-results", "false");
    }
}
