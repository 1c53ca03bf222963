package io.pactport.api.contracts;

import io.pactport.api.http.RequestErrors;
import io.pactport.api.pacts.PactPublishService.PactToPublish;
import io.pactport.core.errors.InvalidRequestException;
import io.pactport.core.pact.PactContent.ShaBasis;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The Pact Broker's rules for a contracts publication, checked all at once before anything is written, so that one
 * answer lists every problem. Field names follow the request ({@code contracts.0.content}).
 */
final class ContractsPublishValidator {

    private static final Set<String> ON_CONFLICT = Set.of("overwrite", "merge");

    private final RequestErrors errors = new RequestErrors();

    private final ShaBasis shaBasis;

    private ContractsPublishValidator(ShaBasis shaBasis) {
        this.shaBasis = shaBasis;
    }

    /**
     * @param shaBasis what each pact's SHA is taken over
     * @return each contract's pact, parsed
     * @throws InvalidRequestException listing every problem
     */
    static List<PactToPublish> validate(ContractsPublishRequest request, ShaBasis shaBasis) {
        ContractsPublishValidator validator = new ContractsPublishValidator(shaBasis);
        List<PactToPublish> pacts = validator.check(request);
        validator.errors.throwIfAny();
        return pacts;
    }

    private List<PactToPublish> check(ContractsPublishRequest request) {
        if (request == null) {
            errors.add("base", RequestErrors.BODY_NOT_AN_OBJECT);
            return List.of();
        }
        errors.notBlank("pacticipantName", request.pacticipantName());
        errors.notTooLong("pacticipantName", request.pacticipantName());
        if (errors.notBlank("pacticipantVersionNumber", request.pacticipantVersionNumber())) {
            errors.shortLine("pacticipantVersionNumber", request.pacticipantVersionNumber());
        }
        if (request.branch() != null) {
            if (request.branch().isBlank()) {
                errors.add("branch", RequestErrors.CANT_BE_BLANK);
            }
            errors.shortLine("branch", request.branch());
        }
        if (request.buildUrl() != null) {
            errors.shortLine("buildUrl", request.buildUrl());
        }
        if (request.tags() != null) {
            for (int i = 0; i < request.tags().size(); i++) {
                String tag = request.tags().get(i);
                if (tag == null || tag.isBlank()) {
                    errors.add("tags." + i, RequestErrors.CANT_BE_BLANK);
                }
                errors.notTooLong("tags." + i, tag);
            }
        }
        if (request.contracts() == null) {
            errors.add("contracts", RequestErrors.IS_MISSING);
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
            errors.add("contracts." + index, "must be an object");
            return null;
        }
        errors.notBlank(prefix + "consumerName", contract.consumerName());
        errors.notBlank(prefix + "providerName", contract.providerName());
        errors.notTooLong(prefix + "consumerName", contract.consumerName());
        errors.notTooLong(prefix + "providerName", contract.providerName());
        if (contract.consumerName() != null
                && request.pacticipantName() != null
                && !contract.consumerName().equals(request.pacticipantName())) {
            errors.add(
                    prefix + "consumerName",
                    "consumerName ('" + contract.consumerName() + "') must match pacticipantName ('"
                            + request.pacticipantName() + "')");
        }
        if (!"pact".equals(contract.specification())) {
            errors.add(
                    prefix + "specification",
                    contract.specification() == null ? RequestErrors.IS_MISSING : "must be pact");
        }
        if (contract.onConflict() != null && !ON_CONFLICT.contains(contract.onConflict())) {
            errors.add(prefix + "onConflict", "must be one of: overwrite, merge");
        }
        if (!"application/json".equals(contract.contentType())) {
            errors.add(
                    prefix + "contentType",
                    contract.contentType() == null
                            ? RequestErrors.IS_MISSING
                            : "must be application/json (was " + contract.contentType() + ")");
            return null;
        }
        if (!errors.notBlank(prefix + "content", contract.content())) {
            return null;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(contract.content());
        } catch (IllegalArgumentException e) {
            errors.add(prefix + "content", "is not valid Base64");
            return null;
        }
        PactToPublish pact;
        try {
            pact = PactToPublish.parse(decoded, prefix + "content", shaBasis);
        } catch (InvalidRequestException e) {
            errors.add(
                    prefix + "content",
                    "could not be parsed as application/json: "
                            + e.errors().values().iterator().next().get(0));
            return null;
        }
        pact.content()
                .consumerName()
                .filter(name -> !name.equals(contract.consumerName()))
                .ifPresent(name -> errors.add(
                        prefix + "content",
                        "consumer name in the pact ('" + name + "') must match consumerName ('"
                                + contract.consumerName() + "')"));
        pact.content()
                .providerName()
                .filter(name -> !name.equals(contract.providerName()))
                .ifPresent(name -> errors.add(
                        prefix + "content",
                        "provider name in the pact ('" + name + "') must match providerName ('"
                                + contract.providerName() + "')"));
        return pact;
    }
}
