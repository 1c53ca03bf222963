package io.pactport.api.webhooks;

import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A webhook's request template: {@code ${pactbroker.*}} parameters may appear in the URL (not its host), headers, body
 * and credentials. The body is kept as sent: JSON ({@code jsonBody}) or text. The password is the plain value; only the
 * repository knows how it is stored, and responses show it masked.
 */
public record WebhookRequest(
        String method,
        String url,
        Map<String, String> headers,
        String body,
        boolean jsonBody,
        String username,
        String password) {

    /** What responses and logs show instead of a secret. */
    public static final String MASK = "**********";
    /** Headers whose values are secrets, as the Pact Broker decides. */
    private static final Pattern SECRET_HEADER = Pattern.compile("(?i).*(authorization|token).*");

    private static final Pattern PARAMETER = Pattern.compile("\\$\\{pactbroker\\.[^}]+}");

    /** {@code POST example.org}: the method and host, what the Pact Broker names a webhook without a description. */
    public String description() {
        return description(method, url);
    }

    /** {@link #description()} of a request with this method and URL. */
    public static String description(String method, String url) {
        String host;
        try {
            host = URI.create(withPlaceholders(url, "placeholder")).getHost();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        return method.toUpperCase() + " " + host;
    }

    /** The password as responses show it: masked, unless it is only a template parameter (which reveals nothing). */
    public String displayPassword() {
        return password == null ? null : PARAMETER.matcher(password).find() ? password : MASK;
    }

    /** Headers as responses show them: secret ones masked unless their value is a template parameter. */
    public Map<String, String> displayHeaders() {
        Map<String, String> shown = new java.util.LinkedHashMap<>();
        headers.forEach((name, value) -> shown.put(
                name,
                isSecretHeader(name)
                                && !PARAMETER
                                        .matcher(value == null ? "" : value)
                                        .find()
                        ? MASK
                        : value));
        return shown;
    }

    public static boolean isSecretHeader(String name) {
        return SECRET_HEADER.matcher(name).matches();
    }

    /** The text with every template parameter replaced by {@code placeholder}: how the URL is checked when saved. */
    public static String withPlaceholders(String text, String placeholder) {
        return PARAMETER.matcher(text).replaceAll(placeholder);
    }
}
