package io.pactport.retention.model;

/** A version a clean deleted, as its event names it. */
public record DeletedVersion(long id, String pacticipant, String number) {}
