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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(operationId = "getBinRetention", summary = "A cluster's retention", description = "How long "
            + "dropped objects stay in the bin; one day by default.")
    @APIResponse(responseCode = "200", description = "The retention, ISO-8601")
    public RetentionView retention(@PathParam("cluster") String cluster) {
        return new RetentionView(cluster, settings.retention(cluster).toString());
    }

    @RolesAllowed({ADMIN})
    @PUT
    @Path("/retention/{cluster}")
    @Operation(operationId = "setBinRetention", summary = "Set a cluster's retention",
            description = "ISO-8601, e.g. P7D. Applies to objects "
            + "recycled from now on.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "week", summary = "Keep dropped objects a week",
            value = "{\"retention\": \"P7D\"}")))
    @APIResponse(responseCode = "200", description = "The retention as set")
    @APIResponse(responseCode = "400", description = "A cluster name that breaks its rule, or a retention under one "
            + "second")
    public RetentionView setRetention(
            @PathParam("cluster") @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String cluster,
            @NotNull @Valid RetentionRequest request) {
        return new RetentionView(cluster, settings.setRetention(cluster, request.retention()).toString());
    }

    @RolesAllowed({ADMIN})
    @POST
    @Path("/sql-functions")
    @Operation(operationId = "installBinSqlFunctions", summary = "Install the SQL functions in a database",
            description = "drsuite_recyclebin."
            + "recycle_table(regclass) for psql users and, for guardSchemas, an event trigger that refuses a plain "
            + "DROP TABLE there, naming the function.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "guarded", summary = "With the guard on public",
            value = "{\"cluster\": \"prod\", \"database\": \"shop\", \"guardSchemas\": [\"public\"]}")))
    @APIResponse(responseCode = "200", description = "Installed")
    @APIResponse(responseCode = "409", description = "The DR cluster (a read-only copy), or the database refuses")
    @APIResponse(responseCode = "422", description = "An unknown database, or a cluster that does not answer")
    public RestResponse<SqlFunctionsView> install(@NotNull @Valid SqlFunctionsRequest request) {
        SqlInstall install = settings.install(request.cluster(), request.database(), request.guarded());
        return RestResponse.ok(new SqlFunctionsView(install.cluster, install.database,
                List.of(install.guardedSchemas), install.installedAt));
    }

    @RolesAllowed({ADMIN})
    @DELETE
    @Path("/sql-functions")
    @Operation(operationId = "uninstallBinSqlFunctions", summary = "Uninstall the SQL functions and the guard",
            description = "The bin and its entries stay.")
    @APIResponse(responseCode = "204", description = "Uninstalled")
    @APIResponse(responseCode = "400", description = "No cluster or database, or one that breaks its rule")
    @APIResponse(responseCode = "409", description = "The DR cluster (a read-only copy), or the database refuses")
    @APIResponse(responseCode = "422", description = "An unknown database, or a cluster that does not answer")
    public RestResponse<Void> uninstall(
            @QueryParam("cluster") @NotNull @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE)
            String cluster,
            @QueryParam("database") @NotNull @Pattern(regexp = Names.IDENTIFIER, message = Names.IDENTIFIER_RULE)
            String database) {
        settings.uninstall(cluster, database);
        return RestResponse.noContent();
    }
}
