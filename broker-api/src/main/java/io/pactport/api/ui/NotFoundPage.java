package io.pactport.api.ui;

import io.pactport.api.http.NotFoundException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The page a browser gets for an address that names something that does not exist (a pacticipant, an environment): a
 * 404 in HTML that says what is missing, where the API answers the same 404 in JSON.
 */
public final class NotFoundPage {

    @CheckedTemplate(basePath = "ui", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance notFound(PageFrame frame, String message);
    }

    private NotFoundPage() {}

    /** The page, or the not-found page when what it shows is missing (the service's {@link NotFoundException}). */
    public static Uni<RestResponse<TemplateInstance>> orNotFound(PageFrame frame, Uni<TemplateInstance> page) {
        return page.map(RestResponse::ok)
                .onFailure(NotFoundException.class)
                .recoverWithItem(e -> RestResponse.status(
                        RestResponse.Status.NOT_FOUND,
                        Templates.notFound(
                                new PageFrame(
                                        "Not found", frame.base(), frame.section(), frame.canWrite(), frame.csrf()),
                                e.getMessage())));
    }
}
