package io.pactport.api.resource;

import com.fasterxml.jackson.annotation.JsonInclude;

/** HAL building blocks, in the Pact Broker's shapes. */
public final class Hal {

    /** The content type of every HAL response. */
    public static final String MEDIA_TYPE = "application/hal+json;charset=utf-8";

    private Hal() {
    }

    /** A link object: {@code {href, title?, name?, templated?}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Link(String href, String title, String name, Boolean templated) {

        public static Link of(String href, String title, boolean templated) {
            return new Link(href, title, null, templated);
        }
    }
}
