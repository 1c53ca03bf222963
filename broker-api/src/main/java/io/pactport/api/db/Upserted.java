package io.pactport.api.db;

/** A find-or-create's result: the row, and whether this call created it (and so owes an event for it). */
public record Upserted<T>(T value, boolean created) {}
