package io.pactport.core.testing;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from outside the repository (the official Pact Broker artefacts beside the checkout, the official
 * CLI that `.ci/run` installs). On a developer's machine a test without them says it was skipped; under CI
 * ({@code CI=true}) it fails, so a green CI run always includes the comparisons with the official artefacts.
 */
public final class RequiredArtefacts {

    private RequiredArtefacts() {}

    /** Skips the calling test when {@code present} is false, or fails it under CI, with {@code why}. */
    public static void require(boolean present, String why) {
        if (present) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("CI=true, and " + why);
        }
        Assumptions.abort("skipped: " + why);
    }
}
