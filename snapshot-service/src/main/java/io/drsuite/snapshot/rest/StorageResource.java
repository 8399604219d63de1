package io.drsuite.snapshot.rest;

import static io.drsuite.platform.security.Roles.ADMIN;
import static io.drsuite.platform.security.Roles.OPERATOR;
import static io.drsuite.platform.security.Roles.VIEWER;

import io.drsuite.storage.StorageLocations;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The storage locations this deployment configures (names to use in requests; no credentials). */
@Path("/api/v1/storage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Snapshots")
public class StorageResource {

    /**
     * @param where e.g. {@code filesystem /var/lib/drsuite/snapshots} or {@code s3://bucket/prefix/}
     * @param defaultLocation used by requests and policies that name no storage
     */
    public record StorageView(String name, String where, boolean defaultLocation) {
    }

    private final StorageLocations storage;

    StorageResource(StorageLocations storage) {
        this.storage = storage;
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Operation(operationId = "listStorageLocations", summary = "List storage locations", description = "The "
            + "names to use in snapshot requests and policies, where each stores, and which one is the default.")
    @APIResponse(responseCode = "200", description = "Every configured location, by name")
    public List<StorageView> list() {
        return storage.all().values().stream().sorted((a, b) -> a.name().compareTo(b.name()))
                .map(location -> new StorageView(location.name(), location.describe(),
                        location.name().equals(storage.defaultName()))).toList();
    }
}
