package io.pactport.api.webhooks;

import io.pactport.api.config.ApiConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What webhooks may call: the Pact Broker's scheme, method and host whitelists ({@code PACTFLOW_WEBHOOK_*}), plus one
 * rule of Pactport's: a loopback, private, link-local or otherwise internal address is only reached when a whitelist
 * entry allows it. That rule is checked on the addresses a host resolves to when the request is sent, so a public name
 * pointing at an internal address is refused too.
 *
 * <p>Host entries, space-separated: a name ({@code example.org}), a wildcard for one label ({@code *.example.org}), a
 * regular expression between slashes ({@code /.*\.example\.org/}), an IP address or a CIDR range.
 */
public final class WebhookAllowList {

    private final List<String> hosts;
    private final List<String> schemes;
    private final List<String> methods;

    public WebhookAllowList(Optional<String> hosts, String schemes, String methods) {
        this.hosts = ApiConfig.words(hosts.orElse(""));
        this.schemes = ApiConfig.words(schemes);
        this.methods = ApiConfig.words(methods);
    }

    public static WebhookAllowList of(ApiConfig.Webhook config) {
        return new WebhookAllowList(config.hostWhitelist(), config.schemeWhitelist(), config.httpMethodWhitelist());
    }

    /** Whether a host whitelist is configured; only then does the Pact Broker show webhook responses. */
    public boolean hasHostWhitelist() {
        return !hosts.isEmpty();
    }

    public boolean methodAllowed(String method) {
        return methods.stream().anyMatch(m -> m.equalsIgnoreCase(method));
    }

    public boolean schemeAllowed(String scheme) {
        return scheme != null && schemes.stream().anyMatch(s -> s.equalsIgnoreCase(scheme));
    }

    /** The Pact Broker's message for a method that is not allowed. */
    public String methodError() {
        return (methods.size() == 1 ? "must be " + methods.get(0) : "must be one of " + String.join(", ", methods))
                + ". See /doc/webhooks#whitelist for more information.";
    }

    public String schemeError() {
        return "scheme must be " + String.join(", ", schemes) + ". See /doc/webhooks#whitelist for more information.";
    }

    public String hostError() {
        return "host must be in the whitelist "
                + String.join(
                        ", ", hosts.stream().map(WebhookAllowList::inspect).toList())
                + ". See /doc/webhooks#whitelist for more information.";
    }

    /** The Pact Broker's rule: with a host whitelist, the host must match an entry; without, any host may be named. */
    public boolean hostAllowed(String host) {
        return hosts.isEmpty() || hosts.stream().anyMatch(entry -> matches(host, entry));
    }

    /**
     * Why a URL host that is itself an internal address (an IP literal or {@code localhost}) may not be saved; empty
     * when it may. Names are resolved only when the request is sent ({@link #refusal}).
     */
    public Optional<String> literalRefusal(String host) {
        String bare = stripBrackets(host);
        if ("localhost".equalsIgnoreCase(bare) || bare.toLowerCase(Locale.ROOT).endsWith(".localhost")) {
            return explicitlyAllowed(bare)
                    ? Optional.empty()
                    : Optional.of(internalMessage(bare, "a loopback address"));
        }
        if (!isIpLiteral(bare)) {
            return Optional.empty();
        }
        try {
            return refusal(bare, List.of(InetAddress.getByName(bare)));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * Why the request may not go to these resolved addresses of {@code host}; empty when it may. Every address must be
     * public, or covered by an IP/CIDR entry, or the host itself named by an entry (the operator's explicit choice).
     */
    public Optional<String> refusal(String host, List<InetAddress> addresses) {
        for (InetAddress address : addresses) {
            Optional<String> kind = internalKind(address);
            if (kind.isPresent()
                    && !explicitlyAllowed(stripBrackets(host))
                    && hosts.stream().noneMatch(entry -> inRange(address, entry))) {
                return Optional.of(internalMessage(host + " (" + address.getHostAddress() + ")", kind.get()));
            }
        }
        return Optional.empty();
    }

    private static String internalMessage(String what, String kind) {
        return "host " + what + " is " + kind + "; webhooks may only call it when PACTFLOW_WEBHOOK_HOST_WHITELIST"
                + " allows it. See /doc/webhooks#whitelist for more information.";
    }

    /** A host named by an entry other than a pattern that matches anything by accident: exact or wildcard or IP. */
    private boolean explicitlyAllowed(String host) {
        return hosts.stream().anyMatch(entry -> !entry.startsWith("/") && matches(host, entry));
    }

    /** The kind of internal address, or empty for a public one. */
    static Optional<String> internalKind(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("the unspecified address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        }
        if (address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return Optional.of("a private address");
        }
        byte[] b = address.getAddress();
        if (b.length == 4 && ((b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64 || b[0] == 0)) {
            return Optional.of("a private address"); // 100.64.0.0/10 (carrier-grade NAT), 0.0.0.0/8
        }
        if (b.length == 16 && (b[0] & 0xfe) == 0xfc) {
            return Optional.of("a private address"); // fc00::/7, unique local
        }
        return Optional.empty();
    }

    static boolean matches(String host, String entry) {
        String bare = stripBrackets(host);
        if (isIpLiteral(bare)) {
            try {
                return inRange(InetAddress.getByName(bare), entry);
            } catch (UnknownHostException e) {
                return false;
            }
        }
        if (entry.length() > 1 && entry.startsWith("/") && entry.endsWith("/")) {
            try {
                return Pattern.compile(entry.substring(1, entry.length() - 1))
                        .matcher(bare)
                        .find();
            } catch (PatternSyntaxException e) {
                return false;
            }
        }
        if (entry.startsWith("*.")) {
            String suffix = entry.substring(1).toLowerCase(Locale.ROOT);
            String name = bare.toLowerCase(Locale.ROOT);
            return name.endsWith(suffix)
                    && name.length() > suffix.length()
                    && name.indexOf('.') == name.length() - suffix.length();
        }
        return bare.equalsIgnoreCase(entry);
    }

    /** Whether the address is the IP entry or in its CIDR range; false for entries that are not IPs. */
    static boolean inRange(InetAddress address, String entry) {
        String[] parts = entry.split("/", 2);
        if (!isIpLiteral(parts[0])) {
            return false;
        }
        try {
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            byte[] candidate = address.getAddress();
            if (network.length != candidate.length) {
                return false;
            }
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
            for (int i = 0; i < network.length; i++) {
                int take = Math.max(0, Math.min(8, bits - i * 8));
                int mask = take == 0 ? 0 : (0xff << (8 - take)) & 0xff;
                if ((network[i] & mask) != (candidate[i] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }

    /** An IPv4 or IPv6 literal; checked by form, so no name is ever looked up here. */
    static boolean isIpLiteral(String host) {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":") && host.matches("[0-9A-Fa-f:.]+");
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static String inspect(String entry) {
        return entry.length() > 1 && entry.startsWith("/") && entry.endsWith("/") ? entry : "\"" + entry + "\"";
    }
}
