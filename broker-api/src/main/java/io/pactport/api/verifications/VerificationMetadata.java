package io.pactport.api.verifications;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a verification learns from the metadata segment of the URL it was published to (see {@link MetadataCodec}):
 * whether the pact was WIP ({@code w}) or pending ({@code p}) for the provider, and the consumer version selectors
 * that chose it ({@code s}), which are stored, with the Pact Broker's long key names, as
 * {@code consumer_version_selector_hashes}.
 */
public record VerificationMetadata(
        boolean wip, Boolean pending, List<Map<String, Object>> selectors, String consumerVersionNumber) {

    /** The Pact Broker's short keys and the names it stores them under ({@code cv}, a version id, is resolved). */
    private static final Map<String, String> LONG_KEYS = Map.of(
            "cvt",
            "consumer_version_tags",
            "cvn",
            "consumer_version_number",
            "w",
            "wip",
            "p",
            "pending",
            "s",
            "consumer_version_selectors",
            "t",
            "tag",
            "b",
            "branch",
            "e",
            "environment",
            "l",
            "latest");

    public static VerificationMetadata from(Map<String, Object> decoded) {
        Object pending = decoded.get("p");
        List<Map<String, Object>> selectors = null;
        if (decoded.get("s") instanceof List<?> list) {
            selectors = new ArrayList<>();
            for (Object element : list) {
                if (element instanceof Map<?, ?> map) {
                    Map<String, Object> selector = new LinkedHashMap<>();
                    map.forEach((key, value) -> selector.put((String) key, value));
                    selectors.add(selector);
                }
            }
        }
        return new VerificationMetadata(
                "true".equals(decoded.get("w")),
                "true".equals(pending) ? Boolean.TRUE : "false".equals(pending) ? Boolean.FALSE : null,
                selectors,
                decoded.get("cvn") instanceof String number ? number : null);
    }

    /** The ids of the consumer versions the selectors name ({@code cv}). */
    public List<Long> consumerVersionIds() {
        List<Long> ids = new ArrayList<>();
        if (selectors != null) {
            for (Map<String, Object> selector : selectors) {
                if (selector.get("cv") instanceof String id && id.matches("\\d{1,18}")) {
                    ids.add(Long.parseLong(id));
                }
            }
        }
        return ids;
    }

    /**
     * The selectors as the Pact Broker stores them: long key names, {@code cv} replaced by the consumer version's
     * number (null when that version is gone).
     */
    public List<Map<String, Object>> selectorHashes(Map<Long, String> versionNumbers) {
        if (selectors == null) {
            return null;
        }
        List<Map<String, Object>> hashes = new ArrayList<>();
        for (Map<String, Object> selector : selectors) {
            Map<String, Object> hash = new LinkedHashMap<>();
            selector.forEach((key, value) -> {
                if (key.equals("cv")) {
                    hash.put(
                            "consumer_version_number",
                            value instanceof String id && id.matches("\\d{1,18}")
                                    ? versionNumbers.get(Long.parseLong(id))
                                    : null);
                } else {
                    hash.put(LONG_KEYS.getOrDefault(key, key), value);
                }
            });
            hashes.add(hash);
        }
        return hashes;
    }
}
