package io.pactport.api.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactport.api.http.BrokerUrls;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ${pactbroker.*}} template parameters and their substitution, with the Pact Broker's values: what the event
 * recorded (its context) first, then the pact and verification. In a URL the values are form-encoded, as the Pact
 * Broker's {@code CGI.escape} does; in headers, body and credentials they go in as they are.
 */
public final class WebhookParameters {

    /** Every parameter's name, for the documentation and the tests. */
    public static final List<String> NAMES = List.of(
            "pactbroker.consumerName",
            "pactbroker.providerName",
            "pactbroker.consumerVersionNumber",
            "pactbroker.providerVersionNumber",
            "pactbroker.providerVersionTags",
            "pactbroker.providerVersionDescriptions",
            "pactbroker.providerVersionBranch",
            "pactbroker.consumerVersionTags",
            "pactbroker.consumerVersionBranch",
            "pactbroker.pactUrl",
            "pactbroker.verificationResultUrl",
            "pactbroker.githubVerificationStatus",
            "pactbroker.bitbucketVerificationStatus",
            "pactbroker.azureDevOpsVerificationStatus",
            "pactbroker.gitlabVerificationStatus",
            "pactbroker.consumerLabels",
            "pactbroker.providerLabels",
            "pactbroker.eventName",
            "pactbroker.buildUrl",
            "pactbroker.currentlyDeployedProviderVersionNumber");

    private static final Pattern PARAMETER = Pattern.compile("\\$\\{(pactbroker\\.[^}]+)}");

    private WebhookParameters() {}

    /**
     * The parameter values.
     *
     * @param context the event context recorded with the trigger (snake_case keys, as the Pact Broker stores them)
     */
    public static Map<String, String> of(WebhookFacts facts, JsonNode context, String baseUrl) {
        boolean verified = facts.verificationSuccess() != null;
        boolean success = Boolean.TRUE.equals(facts.verificationSuccess());
        Map<String, String> p = new LinkedHashMap<>();
        p.put("pactbroker.pactUrl", facts.sha() == null ? "" : pactUrl(facts, baseUrl));
        p.put(
                "pactbroker.verificationResultUrl",
                verified
                        ? BrokerUrls.verification(
                                baseUrl,
                                facts.consumerName(),
                                facts.providerName(),
                                facts.sha(),
                                facts.verificationNumber())
                        : "");
        p.put(
                "pactbroker.consumerVersionNumber",
                text(context, "consumer_version_number", orEmpty(facts.consumerVersionNumber())));
        p.put(
                "pactbroker.providerVersionNumber",
                text(context, "provider_version_number", orEmpty(facts.providerVersionNumber())));
        p.put("pactbroker.providerVersionTags", list(context, "provider_version_tags", facts.providerVersionTags()));
        p.put(
                "pactbroker.providerVersionBranch",
                context.has("provider_version_branch")
                        ? text(context, "provider_version_branch", "")
                        : orEmpty(facts.providerVersionBranch()));
        p.put("pactbroker.providerVersionDescriptions", list(context, "provider_version_descriptions", List.of()));
        p.put("pactbroker.consumerVersionTags", list(context, "consumer_version_tags", facts.consumerVersionTags()));
        p.put(
                "pactbroker.consumerVersionBranch",
                context.has("consumer_version_branch")
                        ? text(context, "consumer_version_branch", "")
                        : orEmpty(facts.consumerVersionBranch()));
        p.put("pactbroker.consumerName", orEmpty(facts.consumerName()));
        p.put("pactbroker.providerName", orEmpty(facts.providerName()));
        p.put("pactbroker.githubVerificationStatus", !verified ? "pending" : success ? "success" : "failure");
        p.put("pactbroker.bitbucketVerificationStatus", !verified ? "INPROGRESS" : success ? "SUCCESSFUL" : "FAILED");
        p.put("pactbroker.azureDevOpsVerificationStatus", !verified ? "pending" : success ? "succeeded" : "failed");
        p.put("pactbroker.gitlabVerificationStatus", !verified ? "pending" : success ? "success" : "failed");
        p.put("pactbroker.consumerLabels", String.join(", ", facts.consumerLabels()));
        p.put("pactbroker.providerLabels", String.join(", ", facts.providerLabels()));
        p.put("pactbroker.eventName", text(context, "event_name", ""));
        p.put("pactbroker.buildUrl", text(context, "build_url", ""));
        p.put(
                "pactbroker.currentlyDeployedProviderVersionNumber",
                text(context, "currently_deployed_provider_version_number", ""));
        return p;
    }

    /** The template with every known parameter replaced; unknown ones stay as written, as in the Pact Broker. */
    public static String render(String template, Map<String, String> parameters, UnaryOperator<String> escape) {
        if (template == null || template.isBlank()) {
            return template;
        }
        Matcher m = PARAMETER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = parameters.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : escape.apply(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A value as a URL takes it: Ruby's {@code CGI.escape} (form encoding, space as {@code +}). */
    public static String urlEscape(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%7E", "~");
    }

    /**
     * The pact's content URL with the metadata the Pact Broker adds for webhooks ({@code cvn}, {@code cvt[]},
     * {@code w=true}), so a verification triggered from it reports for the right consumer version.
     */
    static String pactUrl(WebhookFacts facts, String baseUrl) {
        List<String> query = new ArrayList<>();
        if (facts.consumerVersionNumber() != null) {
            query.add("cvn=" + urlEscape(facts.consumerVersionNumber()));
        }
        facts.consumerVersionTags().forEach(tag -> query.add("cvt%5B%5D=" + urlEscape(tag)));
        query.add("w=true");
        String metadata = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(String.join("&", query).getBytes(StandardCharsets.UTF_8));
        return BrokerUrls.pactVersion(baseUrl, facts.consumerName(), facts.providerName(), facts.sha()) + "/metadata/"
                + metadata;
    }

    private static String text(JsonNode context, String key, String otherwise) {
        JsonNode value = context.get(key);
        return value == null || value.isNull() ? otherwise : value.asText();
    }

    private static String list(JsonNode context, String key, List<String> otherwise) {
        JsonNode value = context.get(key);
        if (value == null || !value.isArray()) {
            return String.join(", ", otherwise);
        }
        List<String> items = new ArrayList<>();
        value.forEach(item -> items.add(item.asText()));
        return String.join(", ", items);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
