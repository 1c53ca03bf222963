package io.pactport.api.http;

import java.util.List;
import java.util.Optional;

/**
 * What a list request gets: one page of the list with the list's whole length, or (no page asked for) the whole list.
 */
public record Page<T>(List<T> items, Optional<PageRequest> request, long totalElements) {

    public static <T> Page<T> whole(List<T> items) {
        return new Page<>(items, Optional.empty(), items.size());
    }

    public long totalPages() {
        return request.map(r -> (totalElements + r.size() - 1) / r.size()).orElse(1L);
    }

    public boolean hasNext() {
        return request.isPresent() && request.get().number() < totalPages();
    }

    public boolean hasPrevious() {
        return request.isPresent() && request.get().number() > 1;
    }
}
