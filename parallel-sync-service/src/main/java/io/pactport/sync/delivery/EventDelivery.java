package io.pactport.sync.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactport.core.events.CloudEvent;
import io.pactport.core.events.CloudEventJson;
import io.pactport.core.events.InvalidEventException;
import io.pactport.core.events.PactportEvent;
import io.pactport.core.events.PactportEvent.BranchDeleted;
import io.pactport.core.events.PactportEvent.BranchVersionAdded;
import io.pactport.core.events.PactportEvent.BranchVersionRemoved;
import io.pactport.core.events.PactportEvent.DeploymentRecorded;
import io.pactport.core.events.PactportEvent.EnvironmentCreated;
import io.pactport.core.events.PactportEvent.EnvironmentDeleted;
import io.pactport.core.events.PactportEvent.EnvironmentUpdated;
import io.pactport.core.events.PactportEvent.IntegrationDeleted;
import io.pactport.core.events.PactportEvent.LabelAdded;
import io.pactport.core.events.PactportEvent.LabelRemoved;
import io.pactport.core.events.PactportEvent.PactDeleted;
import io.pactport.core.events.PactportEvent.PactPublished;
import io.pactport.core.events.PactportEvent.PacticipantCreated;
import io.pactport.core.events.PactportEvent.PacticipantDeleted;
import io.pactport.core.events.PactportEvent.PacticipantUpdated;
import io.pactport.core.events.PactportEvent.ReleaseRecorded;
import io.pactport.core.events.PactportEvent.ReleaseSupportEnded;
import io.pactport.core.events.PactportEvent.TagAdded;
import io.pactport.core.events.PactportEvent.TagRemoved;
import io.pactport.core.events.PactportEvent.UndeploymentRecorded;
import io.pactport.core.events.PactportEvent.VerificationPublished;
import io.pactport.core.events.PactportEvent.VersionCreated;
import io.pactport.core.events.PactportEvent.VersionDeleted;
import io.pactport.core.events.PactportEvent.VersionUpdated;
import io.pactport.core.remote.BrokerWriter;
import io.pactport.core.remote.BrokerWriter.Outcome;
import io.pactport.core.remote.PactBrokerClient;
import io.pactport.core.remote.RemoteModel.Deployment;
import io.pactport.core.remote.RemoteModel.Environment;
import io.pactport.core.remote.RemoteModel.Pact;
import io.pactport.core.remote.RemoteModel.Release;
import io.pactport.core.remote.RemoteModel.Verification;
import io.pactport.core.remote.RemoteModel.VerificationDetails;
import io.pactport.core.remote.RemoteModel.Version;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one broker-api event to one target broker, from the event alone (events are self-contained). Every write
 * is idempotent, so an event delivered twice changes the target once.
 */
public final class EventDelivery {

    private EventDelivery() {}

    /** @throws UnsyncableEventException for an event type or payload that cannot be written */
    public static Outcome deliver(BrokerWriter to, CloudEvent event) {
        PactportEvent payload;
        try {
            payload = CloudEventJson.payload(event);
        } catch (InvalidEventException e) {
            throw new UnsyncableEventException(e.getMessage());
        }
        if (payload instanceof PactPublished e) {
            Pact pact = new Pact(
                    required(e.consumer(), "consumer"),
                    required(e.provider(), "provider"),
                    required(e.consumerVersionNumber(), "consumerVersionNumber"),
                    required(e.sha(), "sha"),
                    required(e.content(), "content"));
            // the writer orders the pact and its version's branches and tags so that a refused pact leaves the
            // target as it was, and otherwise the pact shows on the target with them
            return to.pact(
                    pact,
                    new Version(
                            e.consumer(), e.consumerVersionNumber(), e.buildUrl(), list(e.branches()), list(e.tags())));
        }
        if (payload instanceof VerificationPublished e) {
            return to.verification(
                    new Verification(
                            required(e.consumer(), "consumer"),
                            required(e.provider(), "provider"),
                            required(e.sha(), "sha"),
                            required(e.consumerVersionNumber(), "consumerVersionNumber"),
                            required(e.providerVersionNumber(), "providerVersionNumber"),
                            e.success(),
                            e.buildUrl(),
                            null),
                    new VerificationDetails(
                            e.providerVersionBranch(),
                            list(e.providerVersionTags()),
                            null,
                            e.verifiedBy() == null
                                    ? null
                                    : CloudEventJson.mapper().valueToTree(e.verifiedBy())));
        }
        if (payload instanceof PacticipantCreated e) {
            return to.pacticipant(required(e.name(), "name"), withoutNulls(e));
        }
        if (payload instanceof PacticipantUpdated e) {
            return to.pacticipant(required(e.name(), "name"), withoutNulls(e));
        }
        if (payload instanceof LabelAdded e) {
            return to.label(required(e.pacticipant(), "pacticipant"), required(e.label(), "label"));
        }
        if (payload instanceof VersionCreated e) {
            return to.version(version(e.pacticipant(), e.number(), e.buildUrl(), e.branches(), e.tags()), false);
        }
        // broker-api announces version.updated only for a new build URL, so there its absence is news too
        if (payload instanceof VersionUpdated e) {
            return to.version(version(e.pacticipant(), e.number(), e.buildUrl(), e.branches(), e.tags()), true);
        }
        if (payload instanceof BranchVersionAdded e) {
            return to.branch(
                    required(e.pacticipant(), "pacticipant"),
                    required(e.branch(), "branch"),
                    required(e.version(), "version"));
        }
        if (payload instanceof TagAdded e) {
            return to.tag(
                    required(e.pacticipant(), "pacticipant"),
                    required(e.version(), "version"),
                    required(e.tag(), "tag"));
        }
        if (payload instanceof EnvironmentCreated e) {
            to.environment(
                    new Environment(null, required(e.name(), "name"), e.displayName(), e.production(), e.contacts()));
            return Outcome.WRITTEN;
        }
        if (payload instanceof EnvironmentUpdated e) {
            to.environment(
                    new Environment(null, required(e.name(), "name"), e.displayName(), e.production(), e.contacts()));
            return Outcome.WRITTEN;
        }
        if (payload instanceof DeploymentRecorded e) {
            return to.deployment(
                    deployment(e.pacticipant(), e.version(), e.environment(), e.applicationInstance()), e.production());
        }
        if (payload instanceof UndeploymentRecorded e) {
            return to.undeployment(deployment(e.pacticipant(), e.version(), e.environment(), e.applicationInstance()));
        }
        if (payload instanceof ReleaseRecorded e) {
            return to.release(release(e.pacticipant(), e.version(), e.environment()), e.production());
        }
        if (payload instanceof ReleaseSupportEnded e) {
            return to.supportEnded(release(e.pacticipant(), e.version(), e.environment()));
        }
        if (payload instanceof EnvironmentDeleted e) {
            return to.deleteEnvironment(required(e.name(), "name"));
        }
        return to.delete(deletedPath(payload, event));
    }

    /** The target's resource an event of a delete removes. */
    private static String deletedPath(PactportEvent payload, CloudEvent event) {
        if (payload instanceof PacticipantDeleted e) {
            return pacticipant(e.name());
        }
        if (payload instanceof LabelRemoved e) {
            return pacticipant(e.pacticipant()) + "/labels/" + segment(e.label(), "label");
        }
        if (payload instanceof VersionDeleted e) {
            return version(e.pacticipant(), e.number());
        }
        if (payload instanceof TagRemoved e) {
            return version(e.pacticipant(), e.version()) + "/tags/" + segment(e.tag(), "tag");
        }
        if (payload instanceof BranchVersionRemoved e) {
            return pacticipant(e.pacticipant()) + "/branches/" + segment(e.branch(), "branch") + "/versions/"
                    + segment(e.version(), "version");
        }
        if (payload instanceof BranchDeleted e) {
            return pacticipant(e.pacticipant()) + "/branches/" + segment(e.branch(), "branch");
        }
        if (payload instanceof PactDeleted e) {
            String integration = "/pacts/provider/" + segment(e.provider(), "provider") + "/consumer/"
                    + segment(e.consumer(), "consumer");
            // the Pact Broker's own paths: it has no DELETE on the integration's pact path itself
            return PactDeleted.CONSUMER_VERSION.equals(e.scope())
                    ? integration + "/version/" + segment(e.consumerVersionNumber(), "consumerVersionNumber")
                    : integration + "/versions";
        }
        if (payload instanceof IntegrationDeleted e) {
            return "/integrations/provider/" + segment(e.provider(), "provider") + "/consumer/"
                    + segment(e.consumer(), "consumer");
        }
        throw new UnsyncableEventException("events of type " + event.type() + " are not written to other brokers");
    }

    private static Version version(
            String pacticipant, String number, String buildUrl, List<String> branches, List<String> tags) {
        return new Version(
                required(pacticipant, "pacticipant"), required(number, "number"), buildUrl, list(branches), list(tags));
    }

    private static Deployment deployment(String pacticipant, String version, String environment, String instance) {
        return new Deployment(
                required(pacticipant, "pacticipant"),
                required(version, "version"),
                required(environment, "environment"),
                instance);
    }

    private static Release release(String pacticipant, String version, String environment) {
        return new Release(
                required(pacticipant, "pacticipant"),
                required(version, "version"),
                required(environment, "environment"));
    }

    private static String pacticipant(String name) {
        return "/pacticipants/" + segment(name, "pacticipant");
    }

    private static String version(String pacticipant, String number) {
        return pacticipant(pacticipant) + "/versions/" + segment(number, "number");
    }

    private static String segment(String value, String field) {
        return PactBrokerClient.segment(required(value, field));
    }

    /** The pacticipant's fields that have a value. */
    private static JsonNode withoutNulls(PactportEvent pacticipant) {
        ObjectNode object = CloudEventJson.mapper().valueToTree(pacticipant);
        List<String> nulls = new ArrayList<>();
        object.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                nulls.add(e.getKey());
            }
        });
        object.remove(nulls);
        return object;
    }

    private static String required(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw new UnsyncableEventException("the payload has no " + field);
        }
        return value;
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values;
    }
}
