package io.pactport.api.contracts;

import io.pactport.api.pacticipants.PacticipantNames;
import io.pactport.api.pacts.PactPublishService;
import io.pactport.api.pacts.PactPublishService.PactToPublish;
import io.pactport.core.errors.InvalidRequestException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Pact Broker's rules for a contracts publication, checked all at once before anything is written, so that one
 * answer lists every problem. Field names follow the request ({@code contracts.0.content}).
 */
final class ContractsPublishValidator {

    private static final Set<String> ON_CONFLICT = Set.of("overwrite", "merge");

    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    private ContractsPublishValidator() {
    }

    /**
     * @return each contract's pact, parsed
     * @throws InvalidRequestException listing every problem
     */
    static List<PactToPublish> validate(ContractsPublishRequest request) {
        ContractsPublishValidator validator = new ContractsPublishValidator();
        List<PactToPublish> pacts = validator.check(request);
        if (!validator.errors.isEmpty()) {
            throw new InvalidRequestException(validator.errors);
        }
        return pacts;
    }

    private List<PactToPublish> check(ContractsPublishRequest request) {
        if (request == null) {
            add("base", "the request body must be a JSON object");
            return List.of();
        }
        required("pacticipantName", request.pacticipantName());
        notTooLong("pacticipantName", request.pacticipantName());
        if (required("pacticipantVersionNumber", request.pacticipantVersionNumber())) {
            singleLine("pacticipantVersionNumber", request.pacticipantVersionNumber());
        }
        if (request.branch() != null) {
            if (request.branch().isBlank()) {
                add("branch", "can't be blank");
            }
            singleLine("branch", request.branch());
        }
        if (request.buildUrl() != null) {
            singleLine("buildUrl", request.buildUrl());
        }
        if (request.tags() != null) {
            for (int i = 0; i < request.tags().size(); i++) {
                String tag = request.tags().get(i);
                if (tag == null || tag.isBlank()) {
                    add("tags." + i, "can't be blank");
                }
                notTooLong("tags." + i, tag);
            }
        }
        if (request.contracts() == null) {
            add("contracts", "is missing");
            return List.of();
        }
        List<PactToPublish> pacts = new ArrayList<>();
        for (int i = 0; i < request.contracts().size(); i++) {
            pacts.add(contract(request, i));
        }
        return pacts;
    }

    private PactToPublish contract(ContractsPublishRequest request, int index) {
        String prefix = "contracts." + index + ".";
        ContractsPublishRequest.Contract contract = request.contracts().get(index);
        if (contract == null) {
            add("contracts." + index, "must be an object");
            return null;
        }
        required(prefix + "consumerName", contract.consumerName());
        required(prefix + "providerName", contract.providerName());
        notTooLong(prefix + "consumerName", contract.consumerName());
        notTooLong(prefix + "providerName", contract.providerName());
        if (contract.consumerName() != null && request.pacticipantName() != null
                && !contract.consumerName().equals(request.pacticipantName())) {
            add(prefix + "consumerName", "consumerName ('" + contract.consumerName() + "') must match pacticipantName ('"
                    + request.pacticipantName() + "')");
        }
        if (!"pact".equals(contract.specification())) {
            add(prefix + "specification", contract.specification() == null ? "is missing" : "must be pact");
        }
        if (contract.onConflict() != null && !ON_CONFLICT.contains(contract.onConflict())) {
            add(prefix + "onConflict", "must be one of: overwrite, merge");
        }
        if (!"application/json".equals(contract.contentType())) {
            add(prefix + "contentType", contract.contentType() == null ? "is missing"
                    : "must be application/json (was " + contract.contentType() + ")");
            return null;
        }
        if (!required(prefix + "content", contract.content())) {
            return null;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(contract.content());
        } catch (IllegalArgumentException e) {
            add(prefix + "content", "is not valid Base64");
            return null;
        }
        PactToPublish pact;
        try {
            pact = PactToPublish.parse(decoded, prefix + "content");
        } catch (InvalidRequestException e) {
            add(prefix + "content", "could not be parsed as application/json: "
                    + e.errors().values().iterator().next().get(0));
            return null;
        }
        pact.content().consumerName().filter(name -> !name.equals(contract.consumerName())).ifPresent(name ->
                add(prefix + "content", "consumer name in the pact ('" + name + "') must match consumerName ('"
                        + contract.consumerName() + "')"));
        pact.content().providerName().filter(name -> !name.equals(contract.providerName())).ifPresent(name ->
                add(prefix + "content", "provider name in the pact ('" + name + "') must match providerName ('"
                        + contract.providerName() + "')"));
        return pact;
    }

    private boolean required(String field, String value) {
        if (value == null) {
            add(field, "is missing");
            return false;
        }
        if (value.isBlank()) {
            add(field, "can't be blank");
            return false;
        }
        return true;
    }

    private void singleLine(String field, String value) {
        if (value.contains("\n")) {
            add(field, "cannot contain multiple lines");
        }
        notTooLong(field, value);
    }

    private void notTooLong(String field, String value) {
        String tooLong = PacticipantNames.tooLong(field, value);
        if (tooLong != null) {
            add(field, tooLong);
        }
    }

    private void add(String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }
}
