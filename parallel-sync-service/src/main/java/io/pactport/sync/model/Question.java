package io.pactport.sync.model;

/** A can-i-deploy question: a pacticipant version to an environment, or (environment null) to where a tag points. */
public record Question(String pacticipant, String version, String environment, String to) {}
