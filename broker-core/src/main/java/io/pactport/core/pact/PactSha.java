package io.pactport.core.pact;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The Pact Broker's content SHA with its default {@code base_equality_only_on_content_that_affects_verification_results:
 * true}: SHA-1 of the JSON of only what a provider verifies, normalised so that key order, whitespace and the order
 * of interactions do not matter, while metadata, consumer and provider names do not count at all.
 *
 * <p>The steps, as the broker takes them ({@code GenerateSha}, {@code SortContent}, {@code Content}):
 * <ol>
 *   <li>The array to sort is {@code interactions} if that key holds anything but null or false, else
 *       {@code messages} under the same condition. With neither, the SHA is over the whole pact as it came, keys
 *       unsorted: such pacts dedupe only when written identically.</li>
 *   <li>Keys are sorted (byte order, recursively) everywhere, and the chosen array's elements are sorted by their
 *       key-sorted JSON. When the chosen key holds something other than an array it is left exactly as it was,
 *       keys unsorted.</li>
 *   <li>What is hashed is {@code {"interactions":…,"messages":…,"pact_specification_version":…}} with only the
 *       members that apply: each of the two arrays when it is an array, the version when there is one (see
 *       {@link PactContent}). When neither is an array, it is the whole key-sorted pact instead.</li>
 * </ol>
 * When a pact has both arrays, only the chosen one ({@code interactions}) is reordered; the other keeps its order.
 */
final class PactSha {

    static final String INTERACTIONS = "interactions";
    static final String MESSAGES = "messages";

    private PactSha() {}

    /**
     * The exact text the broker hashes.
     *
     * @param interactionsJson the key-sorted JSON of each element of {@code interactions}, or null when that is
     *                         not an array; likewise {@code messagesJson}
     */
    static String contentForSha(
            Map<String, Object> pact,
            List<String> interactionsJson,
            List<String> messagesJson,
            Object specificationVersion) {
        String sortKey = truthy(pact.get(INTERACTIONS)) ? INTERACTIONS : truthy(pact.get(MESSAGES)) ? MESSAGES : null;
        StringBuilder out = new StringBuilder(estimateLength(interactionsJson) + estimateLength(messagesJson) + 64);
        if (sortKey == null) {
            RubyJson.write(out, pact, false);
        } else if (interactionsJson != null || messagesJson != null) {
            out.append('{');
            String separator = "";
            if (interactionsJson != null) {
                out.append("\"interactions\":");
                appendArray(out, interactionsJson, sortKey.equals(INTERACTIONS));
                separator = ",";
            }
            if (messagesJson != null) {
                out.append(separator).append("\"messages\":");
                appendArray(out, messagesJson, sortKey.equals(MESSAGES));
                separator = ",";
            }
            if (truthy(specificationVersion)) {
                out.append(separator).append("\"pact_specification_version\":");
                RubyJson.write(out, specificationVersion, true);
            }
            out.append('}');
        } else {
            appendSortedExcept(out, pact, sortKey);
        }
        return out.toString();
    }

    /** The {@code _id} the broker gives an interaction or message: SHA-1 of its key-sorted JSON without {@code _id}. */
    static String interactionId(String keySortedJsonWithoutId) {
        return sha1Hex(keySortedJsonWithoutId);
    }

    static String sha1Hex(String text) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-1", e);
        }
    }

    /** Ruby truthiness: everything but nil and false. */
    static boolean truthy(Object value) {
        return value != null && !Boolean.FALSE.equals(value);
    }

    private static void appendArray(StringBuilder out, List<String> elementsJson, boolean sort) {
        List<String> elements = elementsJson;
        if (sort && elements.size() > 1) {
            elements = new ArrayList<>(elementsJson);
            elements.sort(RubyJson.BYTE_ORDER);
        }
        out.append('[');
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(elements.get(i));
        }
        out.append(']');
    }

    /** The key-sorted pact, but with the value under {@code keptAsIs} written in its original key order. */
    private static void appendSortedExcept(StringBuilder out, Map<String, Object> pact, String keptAsIs) {
        List<String> keys = new ArrayList<>(pact.keySet());
        keys.sort(RubyJson.BYTE_ORDER);
        out.append('{');
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            if (i > 0) {
                out.append(',');
            }
            RubyJson.writeString(out, key);
            out.append(':');
            RubyJson.write(out, pact.get(key), !key.equals(keptAsIs));
        }
        out.append('}');
    }

    private static int estimateLength(List<String> elementsJson) {
        if (elementsJson == null) {
            return 0;
        }
        int length = 2;
        for (String element : elementsJson) {
            length += element.length() + 1;
        }
        return length;
    }
}
