package io.pactport.core.pact;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merging a pact into a consumer version's stored pact (PATCH of the pact, or contracts/publish with
 * {@code onConflict: merge}) exactly as the Pact Broker 2.120 does ({@code Pacts::Merger}, {@code Service#merge_pact}):
 * an interaction with the same description and provider state as one already there replaces it in place, any other
 * is appended (and later ones of the pact merged in can replace appended ones). It is a conflict when either pact
 * has no {@code interactions}, or an interaction keeps its description and provider state but changes its request
 * (method, path, query, body or headers), compared as Ruby compares parsed JSON: objects whatever their key order,
 * and numbers by value, so {@code 1} equals {@code 1.0}.
 *
 * <p>The merged pact is recorded under the SHA of the pact merged in, not of the merged content: the broker hashes
 * the request body before it merges. Its stored content is the merged content with ids (interactions that were
 * stored keep theirs). Because the SHA does not follow from that content, a SHA recomputed from a merged pact's
 * stored content differs from the stored SHA; and when a {@code pact_versions} row with that SHA already exists for
 * the consumer and provider, the broker reuses it as it is.
 */
public final class PactMerger {

    private static final List<String> PROVIDER_STATE_KEYS =
            List.of("provider_state", "providerState", "providerStates");
    private static final List<String> REQUEST_KEYS = List.of("method", "path", "query", "body", "headers");

    private PactMerger() {}

    /**
     * Whether the broker refuses to merge {@code additional} into the stored pact (409). Where the broker fails
     * instead (interactions that are not an array), this says conflict.
     *
     * @param storedContent {@code pact_versions.content} of the consumer version's pact
     */
    public static boolean conflict(String storedContent, PactContent additional) {
        if (!mergeable(storedContent, additional)) {
            return true;
        }
        List<?> existingInteractions =
                (List<?>) PactJsonParser.parseObject(storedContent).get(PactSha.INTERACTIONS);
        for (Object newInteraction : (List<?>) additional.members().get(PactSha.INTERACTIONS)) {
            for (Object oldInteraction : existingInteractions) {
                if (sameDescriptionAndState(oldInteraction, newInteraction)
                        && !sameRequest(member(oldInteraction, "request"), member(newInteraction, "request"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether both pacts have an {@code interactions} array to merge. contracts/publish merges without checking
     * {@link #conflict} (a changed request replaces the interaction), but the broker fails without these arrays.
     */
    public static boolean mergeable(String storedContent, PactContent additional) {
        return PactJsonParser.parseObject(storedContent).get(PactSha.INTERACTIONS) instanceof List<?>
                && additional.members().get(PactSha.INTERACTIONS) instanceof List<?>;
    }

    /**
     * The pact the broker stores for the merge: {@link PactContent#withInteractionIds()} is the stored content and
     * {@link PactContent#sha()} the SHA of {@code additional}. Call only when there is no {@link #conflict}.
     */
    public static PactContent merge(String storedContent, PactContent additional) {
        Map<String, Object> merged = new LinkedHashMap<>(PactJsonParser.parseObject(storedContent));
        @SuppressWarnings("unchecked")
        List<Object> interactions = new ArrayList<>((List<Object>) merged.get(PactSha.INTERACTIONS));
        for (Object newInteraction : (List<?>) additional.members().get(PactSha.INTERACTIONS)) {
            int match = -1;
            for (int i = 0; i < interactions.size() && match < 0; i++) {
                if (sameDescriptionAndState(interactions.get(i), newInteraction)) {
                    match = i;
                }
            }
            if (match >= 0) {
                interactions.set(match, newInteraction);
            } else {
                interactions.add(newInteraction);
            }
        }
        merged.put(PactSha.INTERACTIONS, interactions);
        return PactContent.recordedUnder(merged, additional.sha());
    }

    /** Elements that are not objects match nothing (the broker fails on most of them). */
    private static boolean sameDescriptionAndState(Object original, Object additional) {
        return original instanceof Map<?, ?>
                && additional instanceof Map<?, ?>
                && rubyEquals(member(original, "description"), member(additional, "description"))
                && rubyEquals(providerStates(original), providerStates(additional));
    }

    /** The first of the provider state keys that is present and not null. */
    private static Object providerStates(Object interaction) {
        for (String key : PROVIDER_STATE_KEYS) {
            Object value = member(interaction, key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static boolean sameRequest(Object original, Object additional) {
        for (String key : REQUEST_KEYS) {
            if (!rubyEquals(member(original, key), member(additional, key))) {
                return false;
            }
        }
        return true;
    }

    private static Object member(Object value, String key) {
        return value instanceof Map<?, ?> map ? map.get(key) : null;
    }

    /** Ruby's {@code ==} on parsed JSON values. */
    static boolean rubyEquals(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> member : x.entrySet()) {
                if (!y.containsKey(member.getKey()) || !rubyEquals(member.getValue(), y.get(member.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!rubyEquals(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return numbersEqual(x, y);
        }
        return a.equals(b);
    }

    /** Floats compare as IEEE doubles ({@code -0.0 == 0.0}); an integer and a float compare exactly. */
    private static boolean numbersEqual(Number a, Number b) {
        if (a instanceof Double x && b instanceof Double y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof Double || b instanceof Double) {
            double value = a instanceof Double x ? x : (Double) b;
            Number integer = a instanceof Double ? b : a;
            return Double.isFinite(value)
                    && new BigDecimal(value).compareTo(new BigDecimal(toBigInteger(integer))) == 0;
        }
        return toBigInteger(a).equals(toBigInteger(b));
    }

    private static BigInteger toBigInteger(Number integer) {
        return integer instanceof BigInteger big ? big : BigInteger.valueOf(integer.longValue());
    }
}
