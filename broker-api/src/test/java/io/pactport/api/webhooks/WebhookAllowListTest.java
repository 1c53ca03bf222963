package io.pactport.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookAllowListTest {

    private static WebhookAllowList hosts(String whitelist) {
        return new WebhookAllowList(Optional.of(whitelist), "https", "POST");
    }

    @ParameterizedTest
    @CsvSource({
        "ci.example.org, ci.example.org, true",
        "CI.example.org, ci.example.org, true",
        "other.org, ci.example.org, false",
        "a.example.org, *.example.org, true",
        "a.b.example.org, *.example.org, false",
        "example.org, *.example.org, false",
        "build.ci.org, /.*\\.ci\\.org/, true",
        "build.ci.com, /.*\\.ci\\.org/, false",
        "10.2.3.4, 10.2.3.0/24, true",
        "10.2.4.4, 10.2.3.0/24, false",
        "10.2.3.4, 10.2.3.4, true",
        "[fd00::1], fd00::/8, true",
        "10.2.3.4, ci.example.org, false"
    })
    void hostsMatchTheirEntriesAsInThePactBroker(String host, String entry, boolean matches) {
        assertThat(WebhookAllowList.matches(host, entry)).isEqualTo(matches);
    }

    @Test
    void withoutAHostWhitelistAnyHostMayBeNamedButMethodsAndSchemesAreRestricted() {
        WebhookAllowList defaults = new WebhookAllowList(Optional.empty(), "https", "POST");
        assertThat(defaults.hostAllowed("anything.org")).isTrue();
        assertThat(defaults.hasHostWhitelist()).isFalse();
        assertThat(defaults.methodAllowed("post")).isTrue();
        assertThat(defaults.methodAllowed("GET")).isFalse();
        assertThat(defaults.schemeAllowed("HTTPS")).isTrue();
        assertThat(defaults.schemeAllowed("http")).isFalse();
        assertThat(defaults.methodError()).isEqualTo("must be POST. See /doc/webhooks#whitelist for more information.");
        assertThat(new WebhookAllowList(Optional.empty(), "https http", "POST GET").methodError())
                .isEqualTo("must be one of POST, GET. See /doc/webhooks#whitelist for more information.");
        assertThat(hosts("/foo/ bar").hostError())
                .isEqualTo("host must be in the whitelist /foo/, \"bar\". See"
                        + " /doc/webhooks#whitelist for more information.");
    }

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, a loopback address", "::1, a loopback address", "10.0.0.1, a private address",
        "172.16.5.4, a private address", "192.168.1.1, a private address", "169.254.169.254, a link-local address",
        "fe80::1, a link-local address", "fd12::1, a private address", "100.64.0.1, a private address",
        "0.0.0.0, the unspecified address"
    })
    void internalAddressesAreRecognised(String address, String kind) throws Exception {
        assertThat(WebhookAllowList.internalKind(InetAddress.getByName(address)))
                .contains(kind);
    }

    @Test
    void publicAddressesAreNotInternal() throws Exception {
        for (String address : List.of("8.8.8.8", "93.184.216.34", "2606:4700::1111")) {
            assertThat(WebhookAllowList.internalKind(InetAddress.getByName(address)))
                    .isEmpty();
        }
    }

    @Test
    void aResolvedInternalAddressIsRefusedUnlessAnEntryNamesTheHostOrCoversTheAddress() throws Exception {
        List<InetAddress> loopback = List.of(InetAddress.getByName("127.0.0.1"));
        List<InetAddress> publicAddress = List.of(InetAddress.getByName("93.184.216.34"));
        // a pattern lets names through, but not to an internal address
        assertThat(hosts("/.*/").refusal("innocent.example.org", loopback))
                .hasValueSatisfying(message ->
                        assertThat(message).contains("innocent.example.org (127.0.0.1) is a loopback address"));
        assertThat(hosts("/.*/").refusal("innocent.example.org", publicAddress)).isEmpty();
        assertThat(new WebhookAllowList(Optional.empty(), "https", "POST").refusal("x.org", loopback))
                .isPresent();
        assertThat(hosts("jenkins.internal").refusal("jenkins.internal", loopback))
                .isEmpty();
        assertThat(hosts("127.0.0.0/8").refusal("anything.org", loopback)).isEmpty();
    }

    @Test
    void literalInternalHostsAreRefusedWhenSavedUnlessAllowed() {
        WebhookAllowList defaults = new WebhookAllowList(Optional.empty(), "https", "POST");
        assertThat(defaults.literalRefusal("localhost")).isPresent();
        assertThat(defaults.literalRefusal("10.1.1.1")).isPresent();
        assertThat(defaults.literalRefusal("[::1]")).isPresent();
        assertThat(defaults.literalRefusal("ci.example.org")).isEmpty();
        assertThat(defaults.literalRefusal("93.184.216.34")).isEmpty();
        assertThat(hosts("localhost").literalRefusal("localhost")).isEmpty();
        assertThat(hosts("10.0.0.0/8").literalRefusal("10.1.1.1")).isEmpty();
    }
}
