package io.pactport.retention.resource;

/** A request parameter that cannot be used; answered 400 naming the field. */
class InvalidRequestException extends RuntimeException {

    private final String field;

    InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
