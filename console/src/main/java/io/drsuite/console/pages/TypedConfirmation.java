package io.drsuite.console.pages;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A dangerous operation goes ahead only when the user typed the name of what it acts on. The dialog keeps its submit
 * button disabled until the name matches; this re-checks it on the server, before any service is called, so a
 * crafted or stale form changes nothing.
 */
public class TypedConfirmation {

    private final Template problem;
    private final Template page;

    TypedConfirmation(@Location("ProblemPages/problem") Template problem, @Location("ProblemPages/page") Template page) {
        this.problem = problem;
        this.page = page;
    }

    /** Throws {@link Mismatch} (answered 400) unless {@code typed} is exactly {@code expected}. */
    public static void require(String expected, String typed) {
        if (expected == null || !expected.equals(typed)) {
            throw new Mismatch(expected);
        }
    }

    /** The typed confirmation is not the name of what the operation acts on. */
    public static class Mismatch extends RuntimeException {

        private final String expected;

        Mismatch(String expected) {
            super("the typed confirmation is not '" + expected + "'");
            this.expected = expected;
        }

        public String expected() {
            return expected;
        }
    }

    @ServerExceptionMapper
    public Response refused(Mismatch mismatch, HttpHeaders headers) {
        boolean fragment = "true".equals(headers.getHeaderString("HX-Request"));
        String detail = "Type '" + mismatch.expected() + "' exactly to confirm; nothing was done.";
        String body = (fragment ? problem : page).data("title", "Confirmation does not match")
                .data("detail", detail).render();
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(body).build();
    }
}
