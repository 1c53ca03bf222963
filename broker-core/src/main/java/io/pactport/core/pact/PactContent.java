package io.pactport.core.pact;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A published pact, parsed once, with what the Pact Broker derives from it when it stores it: the content SHA that
 * {@code pact_versions} rows are deduplicated on, the content as stored (every interaction and message given an
 * {@code _id}), and the counts kept beside it. All of it byte for byte as the Ruby broker (2.120.0, json gem
 * 2.19.9 or later) computes it, so that rows written by either dedupe against each other.
 *
 * <pre>{@code
 * PactContent pact = PactContent.parse(body);   // InvalidPactContentException when it cannot be a pact
 * pact.sha();                 // pact_versions.sha
 * pact.withInteractionIds();  // pact_versions.content
 * }</pre>
 *
 * <p>The pact specification version, which the SHA includes and {@link #hasMessages()} reads, is looked up as the
 * broker does: {@code metadata.pactSpecification.version}, else {@code metadata["pact-specification"].version},
 * else {@code metadata.pactSpecificationVersion}, taking the first that is neither null nor false. Like Ruby's
 * {@code []}, a lookup in a string yields the key itself when the string contains it.
 *
 * <p>Instances can be shared between threads; the SHA and the stored content are computed on first use and kept.
 */
public final class PactContent {

    /** Pact specification V4 interaction types that are messages ({@code PactBroker::Pacts::Interactions::Types}). */
    private static final Set<String> MESSAGE_TYPES = Set.of("Asynchronous/Messages", "Synchronous/Messages");

    private static final String ID = "_id";

    private final Map<String, Object> pact;
    private final ShaBasis shaBasis;
    /** The text as sent, kept only when the SHA is taken over it. */
    private final String sentText;
    /** {@code interactions} and {@code messages} when they are arrays, else null: only arrays count as such. */
    private final List<Object> interactions;

    private final List<Object> messages;
    private final Object specificationVersion;

    private List<String> interactionsJson;
    private List<String> messagesJson;
    private String contentForSha;
    private String sha;
    private String storedContent;

    /**
     * What the SHA is taken over: the Pact Broker's {@code base_equality_only_on_content_that_affects_verification_results}
     * (true by default), and when it is false, the form the broker hashes the pact in.
     */
    public enum ShaBasis {
        /** Only what a provider verifies, normalised (the setting true): see {@link PactSha}. */
        VERIFIABLE_CONTENT,
        /** The whole pact as compact JSON, keys in the order written: a pact PUT or PATCH with the setting false. */
        WHOLE_CONTENT,
        /** The whole pact exactly as sent, whitespace included: a {@code POST /contracts/publish} contract with it false. */
        TEXT_AS_SENT
    }

    private PactContent(Map<String, Object> pact) {
        this(pact, ShaBasis.VERIFIABLE_CONTENT, null);
    }

    private PactContent(Map<String, Object> pact, ShaBasis shaBasis, String sentText) {
        this.pact = pact;
        this.shaBasis = shaBasis;
        this.sentText = shaBasis == ShaBasis.TEXT_AS_SENT ? sentText : null;
        this.interactions = arrayAt(pact, PactSha.INTERACTIONS);
        this.messages = arrayAt(pact, PactSha.MESSAGES);
        this.specificationVersion = specificationVersionOf(pact);
        if (specificationVersion instanceof Boolean
                || specificationVersion instanceof Map
                || specificationVersion instanceof List) {
            // The broker reads it with to_f when it stores the pact, and fails.
            throw new InvalidPactContentException("Pact content has a pact specification version in its metadata"
                    + " that is neither a string nor a number: " + RubyJson.toJson(specificationVersion, false));
        }
    }

    /** A merged pact, which the broker records under the SHA of the pact merged in (see {@link PactMerger}). */
    static PactContent recordedUnder(Map<String, Object> pact, String sha) {
        PactContent merged = new PactContent(pact);
        merged.sha = sha;
        return merged;
    }

    /**
     * Parses pact content as the Pact Broker does.
     *
     * @throws InvalidPactContentException when the content is not a JSON object the broker would store
     */
    public static PactContent parse(String json) {
        return new PactContent(PactJsonParser.parseObject(json));
    }

    /**
     * Parses pact content given as the bytes of a request body, which must be UTF-8 (without a byte order mark,
     * which the broker refuses).
     *
     * @throws InvalidPactContentException when the bytes are not UTF-8 or not a JSON object the broker would store
     */
    public static PactContent parse(byte[] utf8Json) {
        return parse(utf8Json, ShaBasis.VERIFIABLE_CONTENT);
    }

    /**
     * As {@link #parse(byte[])}, the SHA taken over {@code shaBasis}.
     *
     * @throws InvalidPactContentException when the bytes are not UTF-8 or not a JSON object the broker would store
     */
    public static PactContent parse(byte[] utf8Json, ShaBasis shaBasis) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(utf8Json);
        CharBuffer out = CharBuffer.allocate(utf8Json.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new InvalidPactContentException(
                    "Pact content is not UTF-8: invalid byte sequence at byte " + in.position() + " (counting from 0)");
        }
        String json = out.flip().toString();
        return new PactContent(PactJsonParser.parseObject(json), shaBasis, json);
    }

    /**
     * The SHA-1 (40 lower-case hex digits) the broker dedupes pact content on. For a merge ({@link PactMerger}) it is
     * that of the pact merged in, not of this content, as the broker records it.
     */
    public synchronized String sha() {
        if (sha == null) {
            sha = PactSha.sha1Hex(
                    switch (shaBasis) {
                        case VERIFIABLE_CONTENT -> contentForSha();
                        case WHOLE_CONTENT -> RubyJson.toJson(pact, false);
                        case TEXT_AS_SENT -> sentText;
                    });
        }
        return sha;
    }

    /**
     * The content as the broker stores it: compact JSON with the keys in their original order, and each object in
     * {@code interactions} and {@code messages} given an {@code _id} as its first key. The {@code _id} is the SHA-1 of
     * the interaction's key-sorted JSON; an interaction that already has an {@code _id} keeps its value (the broker
     * moves it to the front without recomputing it).
     */
    public synchronized String withInteractionIds() {
        if (storedContent == null) {
            StringBuilder out = new StringBuilder(4096);
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> member : pact.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                String key = member.getKey();
                RubyJson.writeString(out, key);
                out.append(':');
                if (key.equals(PactSha.INTERACTIONS) && interactions != null) {
                    appendWithIds(out, interactions, interactionsJson());
                } else if (key.equals(PactSha.MESSAGES) && messages != null) {
                    appendWithIds(out, messages, messagesJson());
                } else {
                    RubyJson.write(out, member.getValue(), false);
                }
            }
            out.append('}');
            storedContent = out.toString();
        }
        return storedContent;
    }

    /**
     * The {@code _id}s of the objects in {@code interactions}, then of those in {@code messages}, as stored. A
     * pre-existing {@code _id} that is not a string is left out.
     */
    public synchronized List<String> interactionIds() {
        List<String> ids = new ArrayList<>();
        addIds(ids, interactions, interactions == null ? null : interactionsJson());
        addIds(ids, messages, messages == null ? null : messagesJson());
        return Collections.unmodifiableList(ids);
    }

    /**
     * This content with the {@code _id} of every object in {@code interactions} and {@code messages} removed: stored
     * content as it was published when the publisher sent no ids, so that its {@link #sha()} is the stored
     * {@code pact_versions.sha} (the broker hashes what was published, then adds the ids).
     */
    public PactContent withoutInteractionIds() {
        return without(interaction -> true);
    }

    /**
     * This content without the {@code _id}s the broker generated when storing it, those equal to the SHA-1 of their
     * object without them; ids of any other value, which the publisher sent, stay. For a pact published with ids on
     * some interactions only, its {@link #sha()} is the stored {@code pact_versions.sha}.
     */
    public PactContent withoutGeneratedInteractionIds() {
        return without(interaction -> {
            Map<Object, Object> withoutId = new LinkedHashMap<>(interaction);
            withoutId.remove(ID);
            return PactSha.interactionId(RubyJson.toJson(withoutId, true)).equals(interaction.get(ID));
        });
    }

    private PactContent without(Predicate<Map<?, ?>> dropId) {
        Map<String, Object> copy = new LinkedHashMap<>(pact);
        for (String key : List.of(PactSha.INTERACTIONS, PactSha.MESSAGES)) {
            if (arrayAt(pact, key) != null) {
                copy.put(
                        key,
                        arrayAt(pact, key).stream()
                                .map(element -> {
                                    if (element instanceof Map<?, ?> interaction
                                            && interaction.containsKey(ID)
                                            && dropId.test(interaction)) {
                                        Map<Object, Object> without = new LinkedHashMap<>(interaction);
                                        without.remove(ID);
                                        return (Object) without;
                                    }
                                    return element;
                                })
                                .toList());
            }
        }
        return new PactContent(copy);
    }

    /** Number of elements of the {@code interactions} array; 0 when there is none ({@code pact_versions.interactions_count}). */
    public int interactionCount() {
        return interactions == null ? 0 : interactions.size();
    }

    /** Number of elements of the {@code messages} array; 0 when there is none ({@code pact_versions.messages_count}). */
    public int messageCount() {
        return messages == null ? 0 : messages.size();
    }

    /**
     * {@code pact_versions.has_messages}: before pact specification 4, whether {@code messages} has an element
     * that is not null or false; from 4 on, whether an {@code interactions} object is of a message type.
     */
    public boolean hasMessages() {
        if (specificationVersionNumber() < 4.0) {
            return messages != null && messages.stream().anyMatch(PactSha::truthy);
        }
        return interactions != null
                && interactions.stream()
                        .anyMatch(element -> element instanceof Map<?, ?> interaction
                                && interaction.get("type") instanceof String type
                                && MESSAGE_TYPES.contains(type));
    }

    /** The parsed pact, for {@link PactMerger}; not to be changed. */
    Map<String, Object> members() {
        return pact;
    }

    /** {@code consumer.name}, when it is a string. */
    public Optional<String> consumerName() {
        return nameOf(pact.get("consumer"));
    }

    /** {@code provider.name}, when it is a string. */
    public Optional<String> providerName() {
        return nameOf(pact.get("provider"));
    }

    /** The exact text {@link #sha()} hashes; for tests and diagnosis. */
    synchronized String contentForSha() {
        if (contentForSha == null) {
            contentForSha = PactSha.contentForSha(
                    pact,
                    interactions == null ? null : interactionsJson(),
                    messages == null ? null : messagesJson(),
                    specificationVersion);
        }
        return contentForSha;
    }

    private List<String> interactionsJson() {
        if (interactionsJson == null) {
            interactionsJson = keySortedJson(interactions);
        }
        return interactionsJson;
    }

    private List<String> messagesJson() {
        if (messagesJson == null) {
            messagesJson = keySortedJson(messages);
        }
        return messagesJson;
    }

    /** Each element's key-sorted JSON: what the SHA sorts by, and (for objects without an _id) what an _id hashes. */
    private static List<String> keySortedJson(List<Object> elements) {
        List<String> json = new ArrayList<>(elements.size());
        for (Object element : elements) {
            json.add(RubyJson.toJson(element, true));
        }
        return json;
    }

    private static void appendWithIds(StringBuilder out, List<Object> elements, List<String> elementsJson) {
        out.append('[');
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object element = elements.get(i);
            if (element instanceof Map<?, ?> interaction) {
                out.append("{\"_id\":");
                boolean hadId = interaction.containsKey(ID);
                if (hadId) {
                    RubyJson.write(out, interaction.get(ID), false);
                } else {
                    RubyJson.writeString(out, PactSha.interactionId(elementsJson.get(i)));
                }
                for (Map.Entry<?, ?> member : interaction.entrySet()) {
                    if (hadId && ID.equals(member.getKey())) {
                        continue;
                    }
                    out.append(',');
                    RubyJson.writeString(out, (String) member.getKey());
                    out.append(':');
                    RubyJson.write(out, member.getValue(), false);
                }
                out.append('}');
            } else {
                RubyJson.write(out, element, false);
            }
        }
        out.append(']');
    }

    private static void addIds(List<String> ids, List<Object> elements, List<String> elementsJson) {
        if (elements == null) {
            return;
        }
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) instanceof Map<?, ?> interaction) {
                if (!interaction.containsKey(ID)) {
                    ids.add(PactSha.interactionId(elementsJson.get(i)));
                } else if (interaction.get(ID) instanceof String id) {
                    ids.add(id);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> arrayAt(Map<String, Object> pact, String key) {
        return pact.get(key) instanceof List<?> array ? (List<Object>) array : null;
    }

    private static Optional<String> nameOf(Object pacticipant) {
        if (pacticipant instanceof Map<?, ?> map && map.get("name") instanceof String name) {
            return Optional.of(name);
        }
        return Optional.empty();
    }

    private static Object specificationVersionOf(Map<String, Object> pact) {
        Object metadata = pact.get("metadata");
        Object[] candidates = {
            rubyIndex(rubyIndex(metadata, "pactSpecification"), "version"),
            rubyIndex(rubyIndex(metadata, "pact-specification"), "version"),
            rubyIndex(metadata, "pactSpecificationVersion"),
        };
        for (Object candidate : candidates) {
            if (PactSha.truthy(candidate)) {
                return candidate;
            }
        }
        return candidates[candidates.length - 1];
    }

    /**
     * Ruby's {@code value[key]} as the broker uses it, with any error rescued to nil: a Hash gives the member, a
     * String gives the key when it contains it, anything else raises (and so gives nil).
     */
    private static Object rubyIndex(Object value, String key) {
        if (value instanceof Map<?, ?> map) {
            return map.get(key);
        }
        if (value instanceof String string) {
            return string.contains(key) ? key : null;
        }
        return null;
    }

    /** The version as the broker compares it with 4.0 ({@code to_f}; absent is 0.0). */
    private double specificationVersionNumber() {
        if (specificationVersion instanceof String string) {
            return rubyStringToFloat(string);
        }
        if (specificationVersion instanceof Double number) {
            return number;
        }
        if (specificationVersion instanceof Long number) {
            return number;
        }
        if (specificationVersion instanceof BigInteger number) {
            return number.doubleValue();
        }
        return 0.0;
    }

    /**
     * Ruby's {@code String#to_f}: the longest leading decimal number, underscores allowed between digits, 0.0 when
     * there is none ({@code "4.0"} and {@code "4.0.0"} are 4.0, {@code "v4"} is 0.0).
     */
    static double rubyStringToFloat(String text) {
        int i = 0;
        int length = text.length();
        while (i < length && " \t\n\u000b\f\r".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        StringBuilder number = new StringBuilder();
        if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            number.append(text.charAt(i++));
        }
        int mark = number.length();
        i = appendDigits(text, i, number);
        if (i + 1 < length && text.charAt(i) == '.' && isDigit(text.charAt(i + 1))) {
            number.append('.');
            i = appendDigits(text, i + 1, number);
        }
        if (number.length() == mark) {
            return 0.0;
        }
        if (i + 1 < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int exponentStart = i + 1;
            if (text.charAt(exponentStart) == '+' || text.charAt(exponentStart) == '-') {
                exponentStart++;
            }
            if (exponentStart < length && isDigit(text.charAt(exponentStart))) {
                number.append('e').append(text, i + 1, exponentStart);
                appendDigits(text, exponentStart, number);
            }
        }
        return Double.parseDouble(number.toString());
    }

    private static int appendDigits(String text, int start, StringBuilder out) {
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                out.append(c);
                i++;
            } else if (c == '_' && i > start && i + 1 < text.length() && isDigit(text.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
