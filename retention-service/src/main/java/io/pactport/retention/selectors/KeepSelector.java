package io.pactport.retention.selectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One keep selector of the clean: the versions matching every given property are kept (selectors are OR-ed, properties
 * AND-ed, as in the Pact Broker's {@code Version.for_selector}). Absent properties are {@code null} or {@code false};
 * {@code false} means what the Pact Broker's Ruby truthiness makes of it: the property is not applied.
 *
 * @param pacticipant only this pacticipant's versions
 * @param environment versions currently deployed or currently supported in this environment
 * @param branch versions on this branch, or on any branch; with {@code latest}, the branch heads
 * @param mainBranch versions on their pacticipant's main branch
 * @param tag versions with this tag, or with any tag
 * @param latest only the latest (highest order) version per pacticipant (and per tag name when {@code tag} is any)
 * @param maxAge versions created in the last this many days (date granularity)
 * @param deployed versions currently deployed
 * @param released versions released and still supported
 */
public record KeepSelector(
        String pacticipant,
        String environment,
        Name branch,
        boolean mainBranch,
        Name tag,
        boolean latest,
        Integer maxAge,
        boolean deployed,
        boolean released) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A branch or tag property: {@code true} (any) or one name. */
    public sealed interface Name {
        /** {@code "branch": true}: any branch (or tag). */
        record Any() implements Name {}

        /** {@code "branch": "main"}: that name exactly. */
        record Named(String name) implements Name {}

        static Name any() {
            return new Any();
        }

        static Name of(String name) {
            return new Named(name);
        }
    }

    public static final KeepSelector NONE = new KeepSelector(null, null, null, false, null, false, null, false, false);

    public KeepSelector withPacticipant(String value) {
        return new KeepSelector(value, environment, branch, mainBranch, tag, latest, maxAge, deployed, released);
    }

    public KeepSelector withEnvironment(String value) {
        return new KeepSelector(pacticipant, value, branch, mainBranch, tag, latest, maxAge, deployed, released);
    }

    public KeepSelector withBranch(Name value) {
        return new KeepSelector(pacticipant, environment, value, mainBranch, tag, latest, maxAge, deployed, released);
    }

    public KeepSelector withMainBranch(boolean value) {
        return new KeepSelector(pacticipant, environment, branch, value, tag, latest, maxAge, deployed, released);
    }

    public KeepSelector withTag(Name value) {
        return new KeepSelector(
                pacticipant, environment, branch, mainBranch, value, latest, maxAge, deployed, released);
    }

    public KeepSelector withLatest(boolean value) {
        return new KeepSelector(pacticipant, environment, branch, mainBranch, tag, value, maxAge, deployed, released);
    }

    public KeepSelector withMaxAge(Integer value) {
        return new KeepSelector(pacticipant, environment, branch, mainBranch, tag, latest, value, deployed, released);
    }

    public KeepSelector withDeployed(boolean value) {
        return new KeepSelector(pacticipant, environment, branch, mainBranch, tag, latest, maxAge, value, released);
    }

    public KeepSelector withReleased(boolean value) {
        return new KeepSelector(pacticipant, environment, branch, mainBranch, tag, latest, maxAge, deployed, value);
    }

    /** True when no property is applied: such a selector would keep every version. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    /**
     * The applied properties under the documented key names ({@code max_age}, {@code mainBranch}), in a fixed order, for
     * dry-run reports and events.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        putIfSet(map, "pacticipant", pacticipant);
        putIfSet(map, "environment", environment);
        putIfSet(map, "branch", jsonValue(branch));
        if (mainBranch) {
            map.put("mainBranch", true);
        }
        putIfSet(map, "tag", jsonValue(tag));
        if (latest) {
            map.put("latest", true);
        }
        putIfSet(map, "max_age", maxAge);
        if (deployed) {
            map.put("deployed", true);
        }
        if (released) {
            map.put("released", true);
        }
        return map;
    }

    /** One line of JSON for logs and dry-run counts, e.g. {@code {"tag":true,"latest":true}}. */
    public String describe() {
        try {
            return JSON.writeValueAsString(toMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return describe();
    }

    private static Object jsonValue(Name name) {
        if (name == null) {
            return null;
        }
        return name instanceof Name.Named named ? named.name() : Boolean.TRUE;
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
