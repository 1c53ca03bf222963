package io.pactport.core.auth;

import static io.pactport.core.auth.AccessLevel.PUBLIC;
import static io.pactport.core.auth.AccessLevel.READ;
import static io.pactport.core.auth.AccessLevel.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private final AccessPolicy locked = new AccessPolicy(false, false, false);
    private final AccessPolicy publicRead = new AccessPolicy(true, false, false);
    private final AccessPolicy publicHeartbeat = new AccessPolicy(false, true, false);
    private final AccessPolicy publicBadges = new AccessPolicy(false, false, true);

    @Test
    void readMethodsReadAndEverythingElseWrites() {
        assertThat(locked.needed("GET", "/pacticipants/Foo")).isEqualTo(READ);
        assertThat(locked.needed("HEAD", "/")).isEqualTo(READ);
        assertThat(locked.needed("OPTIONS", "/pacts/latest")).isEqualTo(READ);
        assertThat(locked.needed("PUT", "/pacticipants/Foo")).isEqualTo(WRITE);
        assertThat(locked.needed("PATCH", "/pacticipants/Foo")).isEqualTo(WRITE);
        assertThat(locked.needed("DELETE", "/pacticipants/Foo")).isEqualTo(WRITE);
        assertThat(locked.needed("POST", "/contracts/publish")).isEqualTo(WRITE);
        assertThat(locked.needed("TRACE", "/")).isEqualTo(WRITE);
    }

    @Test
    void askingForPactsToVerifyIsARead() {
        assertThat(locked.needed("POST", "/pacts/provider/Foo/for-verification"))
                .isEqualTo(READ);
        assertThat(locked.needed("POST", "/pacts/provider/Pricing%20Service/for-verification"))
                .isEqualTo(READ);
        assertThat(locked.needed("POST", "/pacts/provider/Foo/for-verification/x"))
                .isEqualTo(WRITE);
        assertThat(locked.needed("POST", "/pacts/provider/Foo/Bar/for-verification"))
                .isEqualTo(WRITE);
        assertThat(locked.needed("PUT", "/pacts/provider/Foo/for-verification")).isEqualTo(WRITE);
    }

    @Test
    void healthAndMetricsAreAlwaysPublic() {
        assertThat(locked.needed("GET", "/q/health")).isEqualTo(PUBLIC);
        assertThat(locked.needed("GET", "/q/health/ready")).isEqualTo(PUBLIC);
        assertThat(locked.needed("GET", "/q/metrics")).isEqualTo(PUBLIC);
        assertThat(locked.needed("GET", "/q/healthy")).isEqualTo(READ);
        assertThat(locked.needed("GET", "/q/dev-ui")).isEqualTo(READ);
    }

    @Test
    void theOpenApiDescriptionIsPublicToReadOnly() {
        assertThat(locked.needed("GET", "/q/openapi")).isEqualTo(PUBLIC);
        assertThat(locked.needed("POST", "/q/openapi")).isEqualTo(WRITE);
        assertThat(locked.needed("GET", "/q/openapi-x")).isEqualTo(READ);
    }

    @Test
    void theHeartbeatIsPublicOnlyWhenConfigured() {
        assertThat(locked.needed("GET", AccessPolicy.HEARTBEAT)).isEqualTo(READ);
        assertThat(publicHeartbeat.needed("GET", AccessPolicy.HEARTBEAT)).isEqualTo(PUBLIC);
        assertThat(publicHeartbeat.needed("POST", AccessPolicy.HEARTBEAT)).isEqualTo(WRITE);
        assertThat(publicHeartbeat.needed("GET", "/")).isEqualTo(READ);
    }

    @Test
    void publicReadOpensReadsAndThePactsForVerificationButNoWrite() {
        assertThat(publicRead.needed("GET", "/pacticipants")).isEqualTo(PUBLIC);
        assertThat(publicRead.needed("GET", AccessPolicy.HEARTBEAT)).isEqualTo(PUBLIC);
        assertThat(publicRead.needed("POST", "/pacts/provider/Foo/for-verification"))
                .isEqualTo(PUBLIC);
        assertThat(publicRead.needed("POST", "/contracts/publish")).isEqualTo(WRITE);
        assertThat(publicRead.needed("DELETE", "/pacticipants/Foo")).isEqualTo(WRITE);
    }

    @Test
    void publicBadgeAccessOpensEveryBadgeRouteToReads() {
        assertThat(publicBadges.needed("GET", "/pacts/provider/Bar/consumer/Foo/latest/badge"))
                .isEqualTo(PUBLIC);
        assertThat(publicBadges.needed("GET", "/pacts/provider/Bar/consumer/Foo/latest/prod/badge"))
                .isEqualTo(PUBLIC);
        assertThat(publicBadges.needed("HEAD", "/pacts/provider/Bar/consumer/Foo/latest-untagged/badge"))
                .isEqualTo(PUBLIC);
        assertThat(publicBadges.needed("GET", "/matrix/provider/Bar/latest/main/consumer/Foo/latest/dev/badge"))
                .isEqualTo(PUBLIC);
        assertThat(publicBadges.needed(
                        "GET",
                        "/pacticipants/Foo/branches/main/latest-version/can-i-deploy/to-environment/production/badge"))
                .isEqualTo(PUBLIC);
        assertThat(publicBadges.needed("GET", "/pacticipants/Foo/latest-version/dev/can-i-deploy/to/prod/badge"))
                .isEqualTo(PUBLIC);
        assertThat(publicBadges.needed("GET", "/pacts/provider/Pricing%20Service/consumer/Web%2FApp/latest/badge"))
                .isEqualTo(PUBLIC);
        assertThat(publicBadges.needed("GET", "/pacts/provider/Bar/consumer/Foo/latest/badge.svg"))
                .isEqualTo(PUBLIC);
    }

    @Test
    void publicBadgeAccessOpensNothingButBadges() {
        assertThat(publicBadges.needed("GET", "/pacts/provider/Bar/consumer/Foo/latest"))
                .isEqualTo(READ);
        assertThat(publicBadges.needed("GET", "/pacts/provider/Bar/consumer/Foo/latest/prod"))
                .isEqualTo(READ);
        assertThat(publicBadges.needed("GET", "/pacts/provider/Bar/consumer/Foo/version/1/badge"))
                .isEqualTo(READ);
        assertThat(publicBadges.needed("GET", "/pacts/provider/Bar/consumer/Foo/latest/a/b/badge"))
                .isEqualTo(READ);
        assertThat(publicBadges.needed("GET", "/pacticipants/Foo/badge")).isEqualTo(READ);
        assertThat(publicBadges.needed("GET", "/pacts/provider/Bar/consumer/Foo/latest/badge/x"))
                .isEqualTo(READ);
        assertThat(publicBadges.needed("GET", "/pacts/provider/Bar/consumer/Foo/latest/badge.json"))
                .isEqualTo(READ);
        assertThat(publicBadges.needed("PUT", "/pacts/provider/Bar/consumer/Foo/latest/badge"))
                .isEqualTo(WRITE);
        assertThat(publicBadges.needed("DELETE", "/pacts/provider/Bar/consumer/Foo/latest/badge"))
                .isEqualTo(WRITE);
    }

    @Test
    void withoutPublicBadgeAccessABadgeNeedsReadCredentials() {
        assertThat(locked.needed("GET", "/pacts/provider/Bar/consumer/Foo/latest/badge"))
                .isEqualTo(READ);
        assertThat(locked.needed("GET", "/pacticipants/Foo/latest-version/dev/can-i-deploy/to/prod/badge"))
                .isEqualTo(READ);
        assertThat(publicRead.needed("GET", "/pacts/provider/Bar/consumer/Foo/latest/badge"))
                .isEqualTo(PUBLIC);
    }
}
