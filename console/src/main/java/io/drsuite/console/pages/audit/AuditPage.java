package io.drsuite.console.pages.audit;

import io.drsuite.console.services.Service;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;

/**
 * The suite's audit trail on one page: the five services' logs merged newest first, filtered with a plain GET form
 * (bookmarkable), each record linking to the object it acted on and the task it started; with whether each
 * service's hash chain is intact.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AuditPage {

    static final int PAGE = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(AuditSearch search, List<String> services, AuditTrail.Merged trail,
                List<ChainState> chains);

        static native TemplateInstance records(AuditSearch search, AuditTrail.Merged trail);
    }

    private final AuditTrail trail;

    AuditPage(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @Path("/audit")
    public TemplateInstance audit(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("actor") String actor, @QueryParam("target") String target,
            @QueryParam("operation") String operation, @QueryParam("outcome") String outcome,
            @QueryParam("service") String service, @QueryParam("shown") Integer shown) {
        AuditSearch search = AuditSearch.of(from, to, actor, target, operation, outcome, service, shown);
        return Templates.audit(search, Arrays.stream(Service.values()).map(Service::displayName).toList(),
                trail.search(search), trail.chains());
    }

    @GET
    @Path("/fragments/audit/records")
    public TemplateInstance records(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("actor") String actor, @QueryParam("target") String target,
            @QueryParam("operation") String operation, @QueryParam("outcome") String outcome,
            @QueryParam("service") String service, @QueryParam("shown") Integer shown) {
        AuditSearch search = AuditSearch.of(from, to, actor, target, operation, outcome, service, shown);
        return Templates.records(search, trail.search(search));
    }
}
