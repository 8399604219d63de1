package io.drsuite.console.pages.drill;

import static io.drsuite.console.pages.FormFields.blankToNull;

import io.drsuite.console.pages.ConsoleRefusal;
import io.drsuite.console.pages.FormFields;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * DR drills: each relationship's results over time (verdict, RTO and RPO against the objectives), a form that runs a
 * failover rehearsal with an optional user check, a drill's live progress and checks, and its report.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DrillsPage {

    /** The report is relationship-service's own page: styles inline, no script, nothing fetched. */
    private static final String REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance drills(String relationship, List<DrillRow> drills, List<String> relationships,
                List<String> sandboxes);

        static native TemplateInstance drill(DrillRow drill, List<DrillCheck> checks);
    }

    private final DrillCatalog catalog;

    DrillsPage(DrillCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("/drills")
    public TemplateInstance drills(@QueryParam("relationship") String relationship) {
        String shown = blankToNull(relationship);
        return Templates.drills(shown, catalog.drills(shown), catalog.relationships(), catalog.sandboxes());
    }

    @GET
    @Path("/drills/{id}")
    public TemplateInstance drill(@PathParam("id") UUID id) {
        DrillRow drill = catalog.drill(id);
        return Templates.drill(drill, drill.running() ? List.of() : catalog.checks(id));
    }

    @GET
    @Path("/drills/{id}/report")
    public Response report(@PathParam("id") UUID id) {
        return Response.ok(catalog.reportPage(id), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Security-Policy", REPORT_POLICY).build();
    }

    @POST
    @Path("/drills")
    public Response run(@RestForm String relationship, @RestForm String kind, @RestForm String sandbox,
            @RestForm String checkName, @RestForm String checkDatabase, @RestForm String checkSql,
            @RestForm String checkExpected) {
        Map<String, Object> request = new LinkedHashMap<>();
        String drillKind = blankToNull(kind) == null ? "failover_rehearsal" : kind;
        request.put("relationship", blankToNull(relationship));
        request.put("kind", drillKind);
        if (!"switchover_round_trip".equals(drillKind)) {
            request.put("sandbox", blankToNull(sandbox));
        }
        request.put("checks", blankToNull(checkSql) == null ? List.of() : List.of(check(checkName, checkDatabase,
                checkSql, checkExpected)));
        return FormFields.backTo("/drills/" + catalog.run(request));
    }

    private static Map<String, Object> check(String name, String database, String sql, String expected) {
        if (blankToNull(name) == null || expected == null) {
            throw new ConsoleRefusal("A check needs a name and the result it must give, as well as its query.");
        }
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("name", name.strip());
        if (blankToNull(database) != null) {
            check.put("database", database.strip());
        }
        check.put("sql", sql.strip());
        check.put("expected", expected);
        return check;
    }
}
