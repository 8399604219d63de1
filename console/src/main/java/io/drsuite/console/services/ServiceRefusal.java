package io.drsuite.console.services;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A service answered with an error (its {@code application/problem+json}), or could not be reached. Pages show the
 * title and detail to the user as the service wrote them.
 */
public class ServiceRefusal extends RuntimeException {

    private final Service service;
    private final int status;
    private final String title;
    private final String detail;

    public ServiceRefusal(Service service, int status, String title, String detail) {
        super(service.displayName() + " answered " + status + ": " + title + (detail == null ? "" : " (" + detail + ")"));
        this.service = service;
        this.status = status;
        this.title = title;
        this.detail = detail;
    }

    static ServiceRefusal of(Service service, int status, JsonNode problem) {
        String title = problem != null && problem.hasNonNull("title") ? problem.get("title").asText()
                : "HTTP " + status;
        String detail = problem != null && problem.hasNonNull("detail") ? problem.get("detail").asText() : null;
        return new ServiceRefusal(service, status, title, detail);
    }

    static ServiceRefusal unreachable(Service service, Exception cause) {
        ServiceRefusal refusal = new ServiceRefusal(service, 503, service.displayName() + " cannot be reached",
                cause.getClass().getSimpleName());
        refusal.initCause(cause);
        return refusal;
    }

    public Service service() {
        return service;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public boolean notFound() {
        return status == 404;
    }
}
