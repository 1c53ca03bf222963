package io.pactport.api.http;

import java.util.List;
import java.util.Optional;

/**
 * One page of a list, numbered from 1, as the Pact Broker pages its lists ({@code page}/{@code size}, or the older
 * {@code pageNumber}/{@code pageSize}). The size is capped so that no request makes the broker read and render an
 * unbounded list; a client that asks for more gets pages of {@link #MAX_SIZE} and follows the {@code next} links.
 */
public record PageRequest(int number, int size) {

    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 1000;

    public PageRequest {
        size = Math.min(size, MAX_SIZE);
    }

    public long offset() {
        return (long) (number - 1) * size;
    }

    /** This page of a list, with the list's whole length. */
    public <T> Page<T> of(List<T> items, long totalElements) {
        return new Page<>(items, Optional.of(this), totalElements);
    }
}
