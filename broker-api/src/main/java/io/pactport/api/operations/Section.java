package io.pactport.api.operations;

/**
 * A section of an operations page read from a place that may not answer (another service, migration-service's
 * tables): what was read, or what the section says instead, so one unreachable service never fails the whole page.
 *
 * @param value what was read; null when it could not be
 * @param problem why it could not be, for the page; null when it was read
 */
public record Section<T>(T value, String problem) {

    public static <T> Section<T> of(T value) {
        return new Section<>(value, null);
    }

    public static <T> Section<T> failed(String problem) {
        return new Section<>(null, problem);
    }
}
