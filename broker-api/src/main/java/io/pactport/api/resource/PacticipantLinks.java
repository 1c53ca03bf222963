package io.pactport.api.resource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** The URLs of pacticipants and what they own, and the field formats of their representations, as the Pact Broker's. */
final class PacticipantLinks {

    private static final DateTimeFormatter XMLSCHEMA = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private PacticipantLinks() {
    }

    /** A path segment encoded as Ruby's {@code ERB::Util.url_encode} does: only {@code A-Za-z0-9_.-~} stay as they are. */
    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    static String pacticipants(String base) {
        return base + "/pacticipants";
    }

    static String pacticipant(String base, String name) {
        return pacticipants(base) + "/" + encode(name);
    }

    static String versions(String base, String pacticipant) {
        return pacticipant(base, pacticipant) + "/versions";
    }

    static String version(String base, String pacticipant, String number) {
        return versions(base, pacticipant) + "/" + encode(number);
    }

    static String tag(String base, String pacticipant, String number, String tag) {
        return version(base, pacticipant, number) + "/tags/" + encode(tag);
    }

    static String branches(String base, String pacticipant) {
        return pacticipant(base, pacticipant) + "/branches";
    }

    static String branch(String base, String pacticipant, String branch) {
        return branches(base, pacticipant) + "/" + encode(branch);
    }

    static String branchVersion(String base, String pacticipant, String branch, String number) {
        return branch(base, pacticipant, branch) + "/versions/" + encode(number);
    }

    static String label(String base, String pacticipant, String label) {
        return pacticipant(base, pacticipant) + "/labels/" + encode(label);
    }

    /** A UTC timestamp as the Pact Broker writes it: {@code 2026-11-22T12:00:00+00:00}. */
    static String date(LocalDateTime utc) {
        return utc.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).format(XMLSCHEMA);
    }

    /** {@code createdAt}, and {@code updatedAt} only when it differs, as the Pact Broker's timestamps do. */
    static void timestamps(Map<String, Object> json, LocalDateTime createdAt, LocalDateTime updatedAt) {
        if (updatedAt != null && !updatedAt.equals(createdAt)) {
            json.put("updatedAt", date(updatedAt));
        }
        json.put("createdAt", date(createdAt));
    }

    /** Puts {@code value} unless it is null: the Pact Broker leaves absent fields out. */
    static void putPresent(Map<String, Object> json, String key, Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }

    static Hal.Link link(String href, String title, String name) {
        return new Hal.Link(href, title, name, null);
    }

    static Hal.Link templated(String href, String title) {
        return new Hal.Link(href, title, null, true);
    }

    static Hal.Link curie(String base, String context) {
        return new Hal.Link(base + "/doc/{rel}?context=" + context, null, "pb", true);
    }
}
