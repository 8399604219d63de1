package io.drsuite.console.pages.snapshot;

import static io.drsuite.console.pages.FormFields.blankToNull;

import io.drsuite.console.pages.FormFields;
import io.drsuite.console.pages.TypedConfirmation;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Backups per cluster: the catalog with each snapshot's size, duration and verification, how old each cluster's last
 * good backup is, the policies with their next run; take, verify, restore and delete. The forms post here and the
 * console asks snapshot-service as the user; a restore that replaces data is confirmed by typing the cluster's name,
 * checked again here.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SnapshotsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance snapshots(String cluster, Map<String, List<String>> clusters,
                List<String> storage, List<ClusterBackups> standing, List<SnapshotRow> snapshots,
                List<PolicyRow> policies, RestoreProgress restore);

        static native TemplateInstance catalog(String cluster, Map<String, List<String>> clusters,
                List<ClusterBackups> standing, List<SnapshotRow> snapshots);

        static native TemplateInstance policies(String cluster, List<PolicyRow> policies);

        static native TemplateInstance restore(RestoreProgress restore);
    }

    private final SnapshotCatalog catalog;

    SnapshotsPage(SnapshotCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("/snapshots")
    public TemplateInstance snapshots(@QueryParam("cluster") String cluster, @QueryParam("restore") UUID restoreId) {
        String shown = blankToNull(cluster);
        Map<String, List<String>> clusters = catalog.clusters();
        List<SnapshotRow> snapshots = catalog.snapshots(shown);
        RestoreProgress restore = restoreId == null ? null : catalog.restore(restoreId).orElse(null);
        return Templates.snapshots(shown, clusters, catalog.storageLocations(),
                catalog.standing(shownClusters(shown, clusters), snapshots), snapshots, catalog.policies(shown),
                restore);
    }

    @GET
    @Path("/fragments/snapshots/catalog")
    public TemplateInstance catalog(@QueryParam("cluster") String cluster) {
        String shown = blankToNull(cluster);
        Map<String, List<String>> clusters = catalog.clusters();
        List<SnapshotRow> snapshots = catalog.snapshots(shown);
        return Templates.catalog(shown, clusters, catalog.standing(shownClusters(shown, clusters), snapshots),
                snapshots);
    }

    @GET
    @Path("/fragments/snapshots/policies")
    public TemplateInstance policies(@QueryParam("cluster") String cluster) {
        String shown = blankToNull(cluster);
        return Templates.policies(shown, catalog.policies(shown));
    }

    @GET
    @Path("/fragments/restores/{id}")
    public TemplateInstance restore(@PathParam("id") UUID id) {
        return Templates.restore(catalog.restore(id).orElseThrow(NotFoundException::new));
    }

    @POST
    @Path("/snapshots")
    public Response take(@RestForm String cluster, @RestForm String kind, @RestForm String database,
            @RestForm String storage, @RestForm String label) {
        Map<String, Object> request = new HashMap<>();
        request.put("cluster", blankToNull(cluster));
        request.put("kind", blankToNull(kind));
        putIfGiven(request, "database", database);
        putIfGiven(request, "storage", storage);
        putIfGiven(request, "label", label);
        catalog.take(request);
        return backTo(blankToNull(cluster), null);
    }

    @POST
    @Path("/snapshots/{id}/verify")
    public Response verify(@PathParam("id") UUID id, @RestForm String cluster) {
        catalog.verify(id);
        return backTo(blankToNull(cluster), null);
    }

    /**
     * A restore. With {@code replace} (always for a physical snapshot) it overwrites the target: a reason and the
     * target cluster's name typed are required, checked before snapshot-service is asked.
     */
    @POST
    @Path("/snapshots/{id}/restore")
    public Response restore(@PathParam("id") UUID id, @RestForm String cluster, @RestForm String targetCluster,
            @RestForm String targetDatabase, @RestForm String targetNode, @RestForm String replace,
            @RestForm String reason, @RestForm String confirm) {
        boolean replacing = "true".equals(replace);
        Map<String, Object> request = new HashMap<>();
        putIfGiven(request, "targetCluster", targetCluster);
        putIfGiven(request, "targetDatabase", targetDatabase);
        putIfGiven(request, "targetNode", targetNode);
        putIfGiven(request, "reason", reason);
        if (replacing) {
            TypedConfirmation.reasonGiven(reason);
            TypedConfirmation.required(confirm, "cluster whose data is replaced");
            String target = blankToNull(targetCluster) != null ? targetCluster.strip()
                    : catalog.snapshot(id).cluster();
            TypedConfirmation.matches(confirm, target, "cluster whose data is replaced");
            request.put("replace", true);
        }
        UUID restoreId = catalog.restore(id, request);
        return backTo(blankToNull(cluster), restoreId);
    }

    @POST
    @Path("/snapshots/{id}/delete")
    public Response delete(@PathParam("id") UUID id, @RestForm String cluster) {
        catalog.delete(id);
        return backTo(blankToNull(cluster), null);
    }

    private static List<String> shownClusters(String shown, Map<String, List<String>> clusters) {
        return shown == null ? new ArrayList<>(clusters.keySet()) : List.of(shown);
    }

    private static Response backTo(String cluster, UUID restoreId) {
        return FormFields.backTo("/snapshots", "cluster", cluster, "restore", restoreId);
    }

    private static void putIfGiven(Map<String, Object> request, String field, String value) {
        if (blankToNull(value) != null) {
            request.put(field, value.strip());
        }
    }
}
