package io.pactport.api.matrix;

/**
 * A consumer/provider pair a matrix query involves. {@code required}: the consumer is one of the asked pacticipants, so
 * its provider must be there for it to be deployed (a provider can go without its consumers).
 */
public record MatrixIntegration(
        long consumerId, String consumerName, long providerId, String providerName, boolean required) {}
