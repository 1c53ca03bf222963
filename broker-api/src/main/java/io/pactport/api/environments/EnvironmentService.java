package io.pactport.api.environments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactport.api.events.Outbox;
import io.pactport.api.http.NotFoundException;
import io.pactport.core.errors.InvalidRequestException;
import io.pactport.core.events.PactportEvent;
import io.pactport.core.events.PactportEvent.EnvironmentCreated;
import io.pactport.core.events.PactportEvent.EnvironmentDeleted;
import io.pactport.core.events.PactportEvent.EnvironmentUpdated;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Environments: created, replaced and deleted with their events; names unique. */
@ApplicationScoped
public class EnvironmentService {

    private static final String UNIQUE_VIOLATION = "23505";

    private final Pool pool;
    private final EnvironmentRepository environments;
    private final Outbox outbox;
    private final ObjectMapper json;

    EnvironmentService(Pool pool, EnvironmentRepository environments, Outbox outbox, ObjectMapper json) {
        this.pool = pool;
        this.environments = environments;
        this.outbox = outbox;
        this.json = json;
    }

    public Uni<Environment> create(EnvironmentInput input) {
        String uuid = UUID.randomUUID().toString();
        return pool.withTransaction(tx -> checkNameFree(tx, input.name(), uuid)
                        .flatMap(free -> environments.insert(
                                tx, uuid, input.name(), displayName(input), input.production(), contactsText(input)))
                        .call(created -> outbox.append(tx, event(created, EnvironmentCreated::new))))
                .onFailure(EnvironmentService::isDuplicateName)
                .transform(e -> nameTaken(input.name()));
    }

    /** Replaces every attribute of the environment, as the Pact Broker's PUT does (absent ones become empty). */
    public Uni<Environment> replace(String uuid, EnvironmentInput input) {
        return pool.withTransaction(tx -> find(tx, uuid)
                        .flatMap(existing -> checkNameFree(tx, input.name(), uuid))
                        .flatMap(free -> environments.replace(
                                tx, uuid, input.name(), displayName(input), input.production(), contactsText(input)))
                        .map(Optional::orElseThrow)
                        .call(replaced -> outbox.append(tx, event(replaced, EnvironmentUpdated::new))))
                .onFailure(EnvironmentService::isDuplicateName)
                .transform(e -> nameTaken(input.name()));
    }

    /** Deletes the environment and its deployment and release history. */
    public Uni<Void> delete(String uuid) {
        return pool.withTransaction(tx -> find(tx, uuid)
                .call(existing -> environments.delete(tx, existing))
                .call(existing -> outbox.append(tx, event(existing, EnvironmentDeleted::new)))
                .replaceWithVoid());
    }

    public Uni<Environment> find(String uuid) {
        return find(pool, uuid);
    }

    /** All environments by display name, or the one called {@code name} (none if there is none). */
    public Uni<List<Environment>> list(String name) {
        if (name != null) {
            return environments
                    .findByName(pool, name)
                    .map(found -> found.map(List::of).orElse(List.of()));
        }
        return environments.findAll(pool);
    }

    /** @throws NotFoundException when there is no environment {@code uuid} */
    public Uni<Environment> find(SqlClient c, String uuid) {
        return environments
                .findByUuid(c, uuid)
                .map(found -> found.orElseThrow(
                        () -> new NotFoundException("No environment with uuid '" + uuid + "' found")));
    }

    /** The stored contacts as JSON, or null. */
    public JsonNode contacts(Environment environment) {
        if (environment.contacts() == null) {
            return null;
        }
        try {
            return json.readTree(environment.contacts());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("contacts of environment " + environment.uuid() + " are not JSON", e);
        }
    }

    private <E extends PactportEvent> E event(Environment environment, EnvironmentEvents.OfEnvironment<E> event) {
        return EnvironmentEvents.environment(environment, contacts(environment), event);
    }

    private Uni<Void> checkNameFree(SqlClient tx, String name, String uuid) {
        return environments.findByName(tx, name).map(existing -> {
            if (existing.isPresent() && !existing.get().uuid().equals(uuid)) {
                throw nameTaken(name);
            }
            return null;
        });
    }

    private String contactsText(EnvironmentInput input) {
        if (input.contacts() == null) {
            return null;
        }
        try {
            return json.writeValueAsString(input.contacts());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("contacts parsed from JSON cannot be written back", e);
        }
    }

    private static String displayName(EnvironmentInput input) {
        return input.displayName() == null || input.displayName().isBlank()
                ? EnvironmentDisplayName.of(input.name())
                : input.displayName();
    }

    // two requests creating the same name at once: the unique index decides, and the loser gets the same answer as
    // if it had come second
    private static boolean isDuplicateName(Throwable e) {
        return e instanceof PgException pg
                && UNIQUE_VIOLATION.equals(pg.getSqlState())
                && "environments_name_index".equals(pg.getConstraint());
    }

    private static InvalidRequestException nameTaken(String name) {
        return InvalidRequestException.of("name", "name '" + name + "' is already used by an existing environment.");
    }
}
