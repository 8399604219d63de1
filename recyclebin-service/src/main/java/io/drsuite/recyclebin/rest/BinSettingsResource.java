package io.drsuite.recyclebin.rest;

import static io.drsuite.platform.security.Roles.ADMIN;
import static io.drsuite.platform.security.Roles.OPERATOR;
import static io.drsuite.platform.security.Roles.VIEWER;

import io.drsuite.platform.validation.Names;
import io.drsuite.recyclebin.api.RetentionRequest;
import io.drsuite.recyclebin.api.SqlFunctionsRequest;
import io.drsuite.recyclebin.model.SqlInstall;
import io.drsuite.recyclebin.service.BinSettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Retention per cluster, and the SQL functions and guard for people who use psql. */
@Path("/api/v1/recyclebin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Recycle bin")
public class BinSettingsResource {

    /** @param retention ISO-8601, e.g. {@code P1D} */
    public record RetentionView(String cluster, String retention) {
    }

    public record SqlFunctionsView(String cluster, String database, List<String> guardedSchemas,
            Instant installedAt) {
    }

    private final BinSettings settings;

    BinSettingsResource(BinSettings settings) {
        this.settings = settings;
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Path("/retention/{cluster}")
    @Operation(summary = "A cluster's retention", description = "Default one day.")
    public RetentionView retention(@PathParam("cluster") String cluster) {
        return new RetentionView(cluster, settings.retention(cluster).toString());
    }

    @RolesAllowed({ADMIN})
    @PUT
    @Path("/retention/{cluster}")
    @Operation(summary = "Set a cluster's retention", description = "ISO-8601, e.g. P7D. Applies to objects "
            + "recycled from now on.")
    public RetentionView setRetention(
            @PathParam("cluster") @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String cluster,
            @NotNull @Valid RetentionRequest request) {
        return new RetentionView(cluster, settings.setRetention(cluster, request.retention()).toString());
    }

    @RolesAllowed({ADMIN})
    @POST
    @Path("/sql-functions")
    @Operation(summary = "Install the SQL functions in a database", description = "drsuite_recyclebin."
            + "recycle_table(regclass) for psql users and, for guardSchemas, an event trigger that refuses a plain "
            + "DROP TABLE there, naming the function.")
    public RestResponse<SqlFunctionsView> install(@NotNull @Valid SqlFunctionsRequest request) {
        SqlInstall install = settings.install(request.cluster(), request.database(), request.guarded());
        return RestResponse.ok(new SqlFunctionsView(install.cluster, install.database,
                List.of(install.guardedSchemas), install.installedAt));
    }

    @RolesAllowed({ADMIN})
    @DELETE
    @Path("/sql-functions")
    @Operation(summary = "Uninstall the SQL functions and the guard", description = "The bin and its entries stay.")
    public RestResponse<Void> uninstall(
            @QueryParam("cluster") @NotNull @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE)
            String cluster,
            @QueryParam("database") @NotNull @Pattern(regexp = Names.IDENTIFIER, message = Names.IDENTIFIER_RULE)
            String database) {
        settings.uninstall(cluster, database);
        return RestResponse.noContent();
    }
}
