package io.pactport.api.dashboard;

import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.Hal;
import io.pactport.api.http.PageRequest;
import io.pactport.api.http.Paging;
import io.pactport.api.http.TextTable;
import io.pactport.api.http.Timestamps;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code GET /dashboard} and {@code GET /dashboard/provider/{p}/consumer/{c}}: the head pacts with their latest
 * verification, in the Pact Broker's JSON ({@code items}, most recent activity first), or its text table when only
 * {@code text/plain} is asked for. Paged by {@code page}/{@code size} (30 a page unless asked).
 */
@Path("/dashboard")
public class DashboardResource {

    static final String TEXT = "text/plain;charset=utf-8";
    private static final String[] HEADERS = {
        "CONSUMER_NAME", "C_VERSION", "C_TAGS", "PROVIDER_NAME", "P_VERSION", "P_TAGS", "SUCCESS"
    };

    private final DashboardService service;
    private final BaseUrl baseUrl;

    DashboardResource(DashboardService service, BaseUrl baseUrl) {
        this.service = service;
        this.baseUrl = baseUrl;
    }

    @GET
    @Produces({Hal.MEDIA_TYPE, TEXT})
    public Uni<RestResponse<Object>> all(@Context UriInfo uri, @Context HttpHeaders headers) {
        PageRequest page = page(uri);
        String base = baseUrl.of(uri);
        return service.all(page).map(items -> answer(items, base, headers));
    }

    @GET
    @Path("/provider/{provider}/consumer/{consumer}")
    @Produces({Hal.MEDIA_TYPE, TEXT})
    public Uni<RestResponse<Object>> integration(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        PageRequest page = page(uri);
        String base = baseUrl.of(uri);
        return service.integration(consumer, provider, page).map(items -> answer(items, base, headers));
    }

    private static PageRequest page(UriInfo uri) {
        return Paging.requested(uri).orElse(new PageRequest(1, DashboardService.DEFAULT_SIZE));
    }

    private static RestResponse<Object> answer(List<DashboardItem> items, String base, HttpHeaders headers) {
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains("text/plain") && !accept.contains("json")) {
            return RestResponse.ResponseBuilder.<Object>ok(text(items))
                    .type(TEXT)
                    .build();
        }
        List<DashboardItem> byActivity = new ArrayList<>(items);
        byActivity.sort(Comparator.comparing(DashboardItem::lastActivity).reversed());
        return RestResponse.ResponseBuilder.<Object>ok(Map.of(
                        "items", byActivity.stream().map(i -> json(i, base)).toList()))
                .type(Hal.MEDIA_TYPE)
                .build();
    }

    /** The table in the page's order (by consumer, newest consumer version, provider). */
    static String text(List<DashboardItem> items) {
        List<String[]> lines = new ArrayList<>();
        lines.add(HEADERS);
        for (DashboardItem i : items) {
            lines.add(new String[] {
                i.consumer(),
                i.consumerVersion(),
                String.join(", ", i.tagNames().stream().sorted().toList()),
                i.provider(),
                i.providerVersion() == null ? "" : i.providerVersion(),
                String.join(", ", i.providerTags()),
                i.verificationStatus()
            });
        }
        return TextTable.of(lines);
    }

    private static Map<String, Object> json(DashboardItem i, String base) {
        Map<String, Object> consumerVersion = Hal.object(
                "number", i.consumerVersion(),
                "branch", last(i.consumerBranches()),
                "headBranchNames", i.consumerBranches(),
                "_links", self(BrokerUrls.version(base, i.consumer(), i.consumerVersion())));
        Map<String, Object> providerVersion = i.verified()
                ? Hal.object(
                        "number", i.providerVersion(),
                        "branch", last(i.providerBranches()),
                        "headBranchNames", i.providerBranches())
                : null;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(
                "consumer",
                Hal.object(
                        "name", i.consumer(),
                        "version", consumerVersion,
                        "_links", self(BrokerUrls.pacticipant(base, i.consumer()))));
        json.put(
                "provider",
                Hal.object(
                        "name", i.provider(),
                        "version", providerVersion,
                        "_links", self(BrokerUrls.pacticipant(base, i.provider()))));
        json.put(
                "pact",
                Hal.object(
                        "createdAt", Timestamps.format(i.pactCreatedAt()),
                        "_links", self(BrokerUrls.pact(base, i.consumer(), i.provider(), i.consumerVersion()))));
        json.put(
                "pactTags",
                i.tagNames().stream()
                        .sorted()
                        .map(tag -> tag(tag, BrokerUrls.tag(base, i.consumer(), i.consumerVersion(), tag)))
                        .toList());
        json.put(
                "latestVerificationResult",
                i.verified()
                        ? Hal.object(
                                "success", i.success(),
                                "verifiedAt", Timestamps.format(i.verifiedAt()),
                                // the pact version's latest: the same content's newest result whenever it is read
                                "_links",
                                        self(BrokerUrls.verification(
                                                base, i.consumer(), i.provider(), i.sha(), "latest")))
                        : null);
        json.put(
                "latestVerificationResultTags",
                i.providerTags().stream()
                        .map(tag -> tag(tag, BrokerUrls.tag(base, i.provider(), i.providerVersion(), tag)))
                        .toList());
        json.put("verificationStatus", i.verificationStatus());
        // the Pact Broker's API dashboard reads no webhooks: its status is always none
        json.put("webhookStatus", "none");
        json.put("latestWebhookExecution", null);
        json.put(
                "_links",
                Map.of(
                        "pb:webhook-status",
                        Hal.Link.titled(
                                BrokerUrls.pactWebhooks(base, i.consumer(), i.provider()) + "/status",
                                "Status of webhooks for " + i.consumer() + "/" + i.provider() + " pact")));
        return json;
    }

    private static Map<String, Object> tag(String name, String href) {
        return Hal.object("name", name, "latest", true, "_links", self(href));
    }

    private static Map<String, Object> self(String href) {
        return Map.of("self", Map.of("href", href));
    }

    private static String last(List<String> values) {
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }
}
