package io.pactport.api.http;

import io.pactport.core.errors.InvalidRequestException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Pact Broker's paging of lists: {@code page} and {@code size}, or the older {@code pageNumber} and
 * {@code pageSize}; without either, the whole list, as in the Pact Broker. A paged answer carries a {@code page} object
 * and {@code next}/{@code previous} links.
 */
public final class Paging {

    private Paging() {}

    /** The page a request asks for, if any; a number that is not a whole number of at least 1 is a 400. */
    public static Optional<PageRequest> requested(UriInfo request) {
        MultivaluedMap<String, String> query = request.getQueryParameters();
        if (query.containsKey("page") || query.containsKey("size")) {
            return Optional.of(
                    new PageRequest(number(query, "page", 1), number(query, "size", PageRequest.DEFAULT_SIZE)));
        }
        if (query.containsKey("pageNumber") || query.containsKey("pageSize")) {
            return Optional.of(new PageRequest(
                    number(query, "pageNumber", 1), number(query, "pageSize", PageRequest.DEFAULT_SIZE)));
        }
        return Optional.empty();
    }

    private static int number(MultivaluedMap<String, String> query, String name, int absent) {
        String value = query.getFirst(name);
        if (value == null) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below, with the value's name
        }
        throw InvalidRequestException.of(name, name + " must be a whole number greater than or equal to 1");
    }

    /** Adds the {@code page} object and the links to a list's HAL answer; a whole list is left as it is. */
    public static Map<String, Object> describe(Map<String, Object> json, Page<?> page, String listUrl) {
        if (page.request().isEmpty()) {
            return json;
        }
        PageRequest request = page.request().get();
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("number", request.number());
        about.put("size", request.size());
        about.put("totalElements", page.totalElements());
        about.put("totalPages", page.totalPages());
        json.put("page", about);
        @SuppressWarnings("unchecked")
        Map<String, Object> links = (Map<String, Object>) json.get("_links");
        if (page.hasNext()) {
            links.put("next", Map.of("href", pageUrl(listUrl, request, 1), "title", "Next page"));
        }
        if (page.hasPrevious()) {
            links.put("previous", Map.of("href", pageUrl(listUrl, request, -1), "title", "Previous page"));
        }
        return json;
    }

    private static String pageUrl(String listUrl, PageRequest request, int step) {
        return listUrl + "?size=" + request.size() + "&page=" + (request.number() + step);
    }
}
