package io.pactport.api.ui;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every error a UI request ends in, shown as a page in the layout rather than the API's JSON: a browser showing
 * {@code {"error":"No webhook with uuid x found"}} is no help to the person who followed an old link. The status and the
 * message stay those of the API's answer (built once, in {@code http.ApiErrors} or the CSRF check), so a page
 * throws the API's exceptions and gets this page for free. Only {@code /ui} requests: API clients keep their JSON.
 */
public class ErrorPages {

    @CheckedTemplate(basePath = "ui")
    static class Templates {
        static native TemplateInstance error(PageFrame frame, int status, List<String> messages);
    }

    private static final Annotation[] NO_ANNOTATIONS = new Annotation[0];
    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("utf-8");

    private final Pages pages;

    ErrorPages(Pages pages) {
        this.pages = pages;
    }

    @ServerResponseFilter
    public void render(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        boolean uiRequest = path.equals(BrowserPages.ROOT) || path.startsWith(BrowserPages.ROOT + "/");
        // a page that answers an error of its own (a form shown again with its problem) has already said it best
        if (!uiRequest
                || response.getStatus() < 400
                || response.getEntity() instanceof TemplateInstance
                || HTML.isCompatible(response.getMediaType())) {
            return;
        }
        Response.StatusType status = response.getStatusInfo();
        String title = status.getReasonPhrase() == null ? "Error" : status.getReasonPhrase();
        PageFrame frame = pages.frame(title, "", request.getUriInfo());
        String page = Templates.error(frame, status.getStatusCode(), messages(response.getEntity(), title))
                .render();
        response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        response.setEntity(page, NO_ANNOTATIONS, HTML);
    }

    /** The messages of an error body in any of the Pact Broker's shapes; the reason phrase when it has none. */
    static List<String> messages(Object entity, String reason) {
        List<String> messages = new ArrayList<>();
        if (entity instanceof Map<?, ?> body) {
            if (body.get("error") instanceof String error) {
                messages.add(error);
            } else if (body.get("errors") instanceof Map<?, ?> fields) {
                fields.forEach((field, list) -> each(list, message -> messages.add(field + ": " + message)));
            } else if (body.get("errors") instanceof List<?> list) {
                each(list, message -> messages.add(String.valueOf(message)));
            }
        } else if (entity instanceof String text && !text.isBlank()) {
            messages.add(text);
        }
        return messages.isEmpty() ? List.of(reason) : messages;
    }

    private static void each(Object list, java.util.function.Consumer<Object> action) {
        if (list instanceof Iterable<?> items) {
            items.forEach(action);
        } else if (list != null) {
            action.accept(list);
        }
    }
}
