package io.pactport.retention.config;

import io.pactport.core.config.EnvironmentVariables;
import io.pactport.retention.selectors.CleanSettings;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/**
 * The clean's settings under their Pact Broker names ({@code PACTFLOW_DATABASE_CLEAN_*}), parsed by broker-core's
 * {@link CleanSettings} so every invalid value names its variable. They are read through the service's configuration,
 * which already holds each {@code PACT_BROKER_DATABASE_CLEAN_*} under its {@code PACTFLOW_} name (and has warned about
 * it), and which tests can override. An invalid value fails the bean, and with it the start.
 */
public class CleanConfiguration {

    @Produces
    @Singleton
    CleanSettings cleanSettings(Config config) {
        return CleanSettings.from(environment(config));
    }

    @Produces
    @Singleton
    BranchDeletionLimit branchDeletionLimit(Config config) {
        return new BranchDeletionLimit(environment(config)
                .get(CleanSettings.PREFIX + "BRANCH_DELETION_LIMIT")
                .isPresent());
    }

    /**
     * Whether {@code PACTFLOW_DATABASE_CLEAN_BRANCH_DELETION_LIMIT} is set. When it is not, the branch limit is the
     * version limit, as in the Pact Broker ({@code branch_limit || limit}), also when a preview asks for another one.
     */
    public record BranchDeletionLimit(boolean configured) {}

    private static EnvironmentVariables environment(Config config) {
        return new EnvironmentVariables(
                name -> config.getOptionalValue(name, String.class).orElse(null));
    }
}
