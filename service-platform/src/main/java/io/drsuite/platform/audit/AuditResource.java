package io.drsuite.platform.audit;

import static io.drsuite.platform.security.Roles.ADMIN;
import static io.drsuite.platform.security.Roles.OPERATOR;
import static io.drsuite.platform.security.Roles.VIEWER;

import io.drsuite.platform.paging.PageRequest;
import io.drsuite.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The service's audit log: search it, and check that no record was changed or removed. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Every request that changed something, or tried to, with who asked")
public class AuditResource {

    private final AuditSearch search;
    private final AuditVerifier verifier;

    AuditResource(AuditSearch search, AuditVerifier verifier) {
        this.search = search;
        this.verifier = verifier;
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Operation(operationId = "searchAuditLog", summary = "Search the audit log",
            description = "Newest first. Filters: from, to (ISO-8601 instants), "
            + "actor (user name or subject), target (and what is under it), operation (part of it), correlationId.")
    @APIResponse(responseCode = "200", description = "One page of audit records")
    @APIResponse(responseCode = "400", description = "from or to not an ISO-8601 instant, correlationId not a UUID, "
            + "a limit out of range or a cursor that is not one")
    public RestResponse<List<AuditView>> search(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("actor") String actor, @QueryParam("target") String target,
            @QueryParam("operation") String operation, @QueryParam("correlationId") String correlationId,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor, UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        AuditQuery query = new AuditQuery(instant("from", from), instant("to", to), blankToNull(actor),
                blankToNull(target), blankToNull(operation), uuid(correlationId));
        return search.newestFirst(query, page).map(AuditView::of).response(uri);
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Path("/verification")
    @Operation(operationId = "verifyAuditLog", summary = "Check the audit log's hash chain",
            description = "Walks every record from the oldest kept "
            + "to the newest: intact is false, with the first bad record, when a record was changed, inserted or "
            + "removed. headHash is the newest record's hash, to compare with the last record on drsuite.audit.")
    @APIResponse(responseCode = "200", description = "Whether the chain is intact, and where it broke if not")
    public AuditVerification verify() {
        return verifier.verify();
    }

    private static Instant instant(String parameter, String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(parameter, parameter + " is not an ISO-8601 instant such as "
                    + "2026-12-01T08:00:00Z: " + value);
        }
    }

    private static UUID uuid(String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("correlationId", "correlationId is not a UUID: " + value);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
