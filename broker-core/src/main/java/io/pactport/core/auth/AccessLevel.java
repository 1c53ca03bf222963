package io.pactport.core.auth;

/** What a request needs, and what a caller's credentials grant; each level includes the ones before it. */
enum AccessLevel {
    PUBLIC,
    READ,
    WRITE;

    boolean covers(AccessLevel needed) {
        return compareTo(needed) >= 0;
    }
}
