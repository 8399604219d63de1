package io.drsuite.console.pages.errors;

import io.drsuite.console.pages.ConsoleRefusal;
import io.drsuite.console.services.ServiceRefusal;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A service's refusal, shown to the user as the service worded it: inside the dialog or card that asked (htmx
 * swaps 4xx and 5xx answers too, see layout.html), or as a whole page when the page itself could not be read. The
 * status is the service's, so tests and proxies see what happened.
 */
public class ProblemPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance problem(String title, String detail);

        static native TemplateInstance page(String title, String detail);
    }

    @ServerExceptionMapper
    public Response refused(ServiceRefusal refusal, HttpHeaders headers) {
        return answer(refusal.status(), refusal.title(), refusal.detail(), headers);
    }

    @ServerExceptionMapper
    public Response refusedHere(ConsoleRefusal refusal, HttpHeaders headers) {
        return answer(400, "Not done", refusal.getMessage(), headers);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException notFound, HttpHeaders headers) {
        return answer(404, "Not found", "There is nothing at this address.", headers);
    }

    private static Response answer(int status, String title, String detail, HttpHeaders headers) {
        boolean fragment = "true".equals(headers.getHeaderString("HX-Request"));
        TemplateInstance body = fragment ? Templates.problem(title, detail) : Templates.page(title, detail);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(body.render())
                .build();
    }
}
