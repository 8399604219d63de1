package io.drsuite.relationship.drill;

import static io.drsuite.platform.security.Roles.ADMIN;
import static io.drsuite.platform.security.Roles.OPERATOR;
import static io.drsuite.platform.security.Roles.VIEWER;

import io.drsuite.platform.paging.PageRequest;
import io.drsuite.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * DR drills: run one, list them, read one and its report.
 */
@Path("/api/v1/drills")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Drills", description = "Rehearsals of a relationship's failover with measured RTO and RPO")
public class DrillResource {

    /** The report page may show nothing but itself: no script, no external asset. */
    private static final String REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

    private final DrillService service;

    DrillResource(DrillService service) {
        this.service = service;
    }

    @RolesAllowed({OPERATOR, ADMIN})
    @POST
    @Operation(operationId = "runDrill", summary = "Run a drill", description = "A failover rehearsal: a throwaway "
            + "copy of the DR main standby is made on the sandbox, a disaster is declared, the copy is promoted, "
            + "RTO and RPO are measured, the checks run and the copy is destroyed. Production and DR replication go "
            + "on throughout. 202 with the drill; Location is its address.")
    @APIResponse(responseCode = "202", description = "The drill's task runs", headers = @Header(name = "Location",
            description = "The drill's address", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = DrillView.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule: a kind other than failover_rehearsal, "
            + "more than 20 checks, a check name twice, a blank or too long SQL")
    @APIResponse(responseCode = "409", description = "The relationship is not active or runs a task or a drill, or "
            + "every port of the sandbox is held")
    @APIResponse(responseCode = "422", description = "No relationship or no sandbox of that name")
    public RestResponse<DrillView> run(@NotNull @Valid @RequestBody(content = @Content(examples =
            @ExampleObject(name = "rehearsal", summary = "Rehearse shop's failover on the local sandbox",
                    value = """
                            {"relationship": "shop", "sandbox": "local",
                             "checks": [{"name": "orders_recent",
                                         "sql": "select count(*) > 0 from orders where created_at > now() - interval '1 day'",
                                         "expected": "true"}]}
                            """))) DrillRequest request, UriInfo uri) {
        DrillView view = DrillView.of(service.request(request));
        return RestResponse.ResponseBuilder.<DrillView>create(RestResponse.Status.ACCEPTED)
                .location(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Operation(operationId = "listDrills", summary = "List drills", description = "Newest first, of one "
            + "relationship when ?relationship=<name> is given.")
    @APIResponse(responseCode = "200", description = "One page of drills")
    @APIResponse(responseCode = "400", description = "A limit out of range or a cursor that is not one")
    public RestResponse<List<DrillView>> list(@QueryParam("relationship") String relationship,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor, UriInfo uri) {
        String only = relationship == null || relationship.isBlank() ? null : relationship;
        return service.drills(only, PageRequest.of(limit, cursor)).map(DrillView::of).response(uri);
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Path("/{id}")
    @Operation(operationId = "getDrill", summary = "Get one drill", description = "Its state, progress, figures and, "
            + "once done, its verdict and the reasons of a failure.")
    @APIResponse(responseCode = "200", description = "The drill")
    @APIResponse(responseCode = "404", description = "No drill with this id")
    public DrillView get(@PathParam("id") UUID id) {
        return DrillView.of(drill(id));
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Path("/{id}/report")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(operationId = "getDrillReport", summary = "Get a drill's report", description = "The whole "
            + "evidence: who asked and when, the objectives, the figures, each check, the step timeline, the verdict "
            + "and its reasons. As JSON, or with Accept: text/html as a self-contained page to attach to an audit.")
    @APIResponse(responseCode = "200", description = "The report", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DrillReport.class)),
        @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "No drill with this id")
    public Response report(@PathParam("id") UUID id, HttpHeaders headers) {
        DrillReport report = DrillReport.of(drill(id));
        if (wantsHtml(headers.getAcceptableMediaTypes())) {
            return Response.ok(DrillReportPage.render(report), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header("Content-Security-Policy", REPORT_POLICY).build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private Drill drill(UUID id) {
        return service.drill(id).orElseThrow(() -> ProblemException.notFound("drill", "no drill " + id));
    }

    /** The client's most preferred type decides; JSON unless that is HTML. */
    private static boolean wantsHtml(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE) && !type.isWildcardType()) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }
}
