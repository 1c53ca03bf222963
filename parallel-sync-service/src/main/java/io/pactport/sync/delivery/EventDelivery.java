package io.pactport.sync.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactport.core.events.CloudEvent;
import io.pactport.core.events.EventType;
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

    private EventDelivery() {
    }

    /**
     * @param pactContent the pact's content as published, read from the raw event so its numbers stay as written
     * @throws UnsyncableEventException for an event type or payload that cannot be written
     */
    public static Outcome deliver(BrokerWriter to, CloudEvent event, String pactContent) {
        EventType type = EventType.ofType(event.type())
                .orElseThrow(() -> new UnsyncableEventException("unknown event type " + event.type()));
        JsonNode d = event.data();
        if (d == null || !d.isObject()) {
            throw new UnsyncableEventException("event " + event.id() + " has no JSON object payload");
        }
        return switch (type) {
            case PACT_PUBLISHED -> {
                Pact pact = new Pact(text(d, "consumer"), text(d, "provider"), text(d, "consumerVersionNumber"),
                        text(d, "sha"), require(pactContent, "content"));
                // the writer orders the pact and its version's branches and tags so that a refused pact leaves the
                // target as it was, and otherwise the pact shows on the target with them
                yield to.pact(pact, new Version(text(d, "consumer"), text(d, "consumerVersionNumber"),
                        optional(d, "buildUrl"), list(d, "branches"), list(d, "tags")));
            }
            case VERIFICATION_PUBLISHED -> to.verification(new Verification(text(d, "consumer"), text(d, "provider"),
                    text(d, "sha"), text(d, "consumerVersionNumber"), text(d, "providerVersionNumber"),
                    d.path("success").asBoolean(), optional(d, "buildUrl"), null),
                    new VerificationDetails(optional(d, "providerVersionBranch"), list(d, "providerVersionTags"),
                            null, d.get("verifiedBy")));
            case PACTICIPANT_CREATED, PACTICIPANT_UPDATED -> to.pacticipant(text(d, "name"), withoutNulls(d));
            case LABEL_ADDED -> to.label(text(d, "pacticipant"), text(d, "label"));
            // broker-api announces version.updated only for a new build URL, so there its absence is news too
            case VERSION_CREATED, VERSION_UPDATED -> to.version(new Version(text(d, "pacticipant"),
                    text(d, "number"), optional(d, "buildUrl"), list(d, "branches"), list(d, "tags")),
                    type == EventType.VERSION_UPDATED);
            case BRANCH_VERSION_ADDED -> to.branch(text(d, "pacticipant"), text(d, "branch"), text(d, "version"));
            case TAG_ADDED -> to.tag(text(d, "pacticipant"), text(d, "version"), text(d, "tag"));
            case ENVIRONMENT_CREATED, ENVIRONMENT_UPDATED -> {
                to.environment(new Environment(null, text(d, "name"), optional(d, "displayName"),
                        d.path("production").asBoolean(), d.get("contacts")));
                yield Outcome.WRITTEN;
            }
            case DEPLOYMENT_RECORDED -> to.deployment(deployment(d), d.path("production").asBoolean());
            case UNDEPLOYMENT_RECORDED -> to.undeployment(deployment(d));
            case RELEASE_RECORDED -> to.release(release(d), d.path("production").asBoolean());
            case RELEASE_SUPPORT_ENDED -> to.supportEnded(release(d));
            case PACTICIPANT_DELETED -> to.delete(pacticipant(text(d, "name")));
            case LABEL_REMOVED -> to.delete(pacticipant(text(d, "pacticipant")) + "/labels/"
                    + PactBrokerClient.segment(text(d, "label")));
            case VERSION_DELETED -> to.delete(version(text(d, "pacticipant"), text(d, "number")));
            case TAG_REMOVED -> to.delete(version(text(d, "pacticipant"), text(d, "version")) + "/tags/"
                    + PactBrokerClient.segment(text(d, "tag")));
            case BRANCH_VERSION_REMOVED -> to.delete(pacticipant(text(d, "pacticipant")) + "/branches/"
                    + PactBrokerClient.segment(text(d, "branch")) + "/versions/"
                    + PactBrokerClient.segment(text(d, "version")));
            case BRANCH_DELETED -> to.delete(pacticipant(text(d, "pacticipant")) + "/branches/"
                    + PactBrokerClient.segment(text(d, "branch")));
            case ENVIRONMENT_DELETED -> to.deleteEnvironment(text(d, "name"));
            case PACT_DELETED -> to.delete("/pacts/provider/" + PactBrokerClient.segment(text(d, "provider"))
                    + "/consumer/" + PactBrokerClient.segment(text(d, "consumer")));
            case INTEGRATION_DELETED -> to.delete("/integrations/provider/"
                    + PactBrokerClient.segment(text(d, "provider")) + "/consumer/"
                    + PactBrokerClient.segment(text(d, "consumer")));
            default -> throw new UnsyncableEventException("events of type " + event.type()
                    + " are not written to other brokers");
        };
    }

    private static Deployment deployment(JsonNode d) {
        return new Deployment(text(d, "pacticipant"), text(d, "version"), text(d, "environment"),
                optional(d, "applicationInstance"));
    }

    private static Release release(JsonNode d) {
        return new Release(text(d, "pacticipant"), text(d, "version"), text(d, "environment"));
    }

    private static String pacticipant(String name) {
        return "/pacticipants/" + PactBrokerClient.segment(name);
    }

    private static String version(String pacticipant, String number) {
        return pacticipant(pacticipant) + "/versions/" + PactBrokerClient.segment(number);
    }

    private static JsonNode withoutNulls(JsonNode d) {
        var object = (com.fasterxml.jackson.databind.node.ObjectNode) d.deepCopy();
        List<String> nulls = new ArrayList<>();
        object.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                nulls.add(e.getKey());
            }
        });
        object.remove(nulls);
        return object;
    }

    private static String text(JsonNode d, String field) {
        JsonNode value = d.get(field);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            throw new UnsyncableEventException("the payload has no " + field);
        }
        return value.asText();
    }

    private static String require(String value, String field) {
        if (value == null) {
            throw new UnsyncableEventException("the payload has no " + field);
        }
        return value;
    }

    private static String optional(JsonNode d, String field) {
        JsonNode value = d.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> list(JsonNode d, String field) {
        List<String> values = new ArrayList<>();
        d.path(field).forEach(v -> values.add(v.asText()));
        return values;
    }
}
