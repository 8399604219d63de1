package io.drsuite.console.pages.recovery;

import static io.drsuite.console.pages.FormFields.blankToNull;

import io.drsuite.console.pages.ConsoleRefusal;
import io.drsuite.console.pages.FormFields;
import io.drsuite.console.pages.TypedConfirmation;
import io.drsuite.console.pages.snapshot.RestoreProgress;
import io.drsuite.console.pages.snapshot.SnapshotCatalog;
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
 * Point-in-time recovery: each cluster's WAL archive (state, newest segment, gaps, recovery window), its restore
 * points, and the restore to a moment, an LSN, a restore point or the latest archived WAL. A restore replaces a
 * node's data: a reason and the target cluster's name typed are required and checked here again.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class RecoveryPage {

    private static final Map<String, String> TARGET_FIELDS = Map.of("time", "time", "lsn", "lsn",
            "restore-point", "restorePoint");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance recovery(String cluster, String selected, Map<String, List<String>> clusters,
                List<String> storage, List<WalArchiveRow> archives, List<RestorePointRow> restorePoints,
                RestoreProgress restore);
    }

    private final RecoveryCatalog recovery;
    private final SnapshotCatalog snapshots;

    RecoveryPage(RecoveryCatalog recovery, SnapshotCatalog snapshots) {
        this.recovery = recovery;
        this.snapshots = snapshots;
    }

    @GET
    @Path("/recovery")
    public TemplateInstance recovery(@QueryParam("cluster") String cluster, @QueryParam("restore") UUID restoreId) {
        String shown = blankToNull(cluster);
        RestoreProgress restore = restoreId == null ? null : snapshots.restore(restoreId).orElse(null);
        Map<String, List<String>> clusters = snapshots.clusters();
        String selected = shown != null ? shown : clusters.keySet().stream().findFirst().orElse("");
        return Templates.recovery(shown, selected, clusters, snapshots.storageLocations(), recovery.archives(shown),
                recovery.restorePoints(shown), restore);
    }

    @POST
    @Path("/recovery/wal-archives")
    public Response switchOn(@RestForm String cluster, @RestForm String storage, @RestForm String synchronous) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("cluster", blankToNull(cluster));
        if (blankToNull(storage) != null) {
            request.put("storage", storage.strip());
        }
        request.put("synchronous", "true".equals(synchronous));
        recovery.switchOn(request);
        return backTo(blankToNull(cluster), null);
    }

    /** Switching an archive off ends its recovery window's growth: the cluster's name typed is required. */
    @POST
    @Path("/recovery/wal-archives/{id}/off")
    public Response switchOff(@PathParam("id") UUID id, @RestForm String confirm) {
        TypedConfirmation.required(confirm, "cluster whose WAL archive stops");
        WalArchiveRow archive = recovery.archive(id);
        TypedConfirmation.matches(confirm, archive.cluster(), "cluster whose WAL archive stops");
        recovery.switchOff(id);
        return backTo(archive.cluster(), null);
    }

    @POST
    @Path("/recovery/restore-points")
    public Response createRestorePoint(@RestForm String cluster, @RestForm String name) {
        recovery.createRestorePoint(blankToNull(cluster), blankToNull(name));
        return backTo(blankToNull(cluster), null);
    }

    @POST
    @Path("/recovery/restores")
    public Response restore(@RestForm String cluster, @RestForm String targetKind, @RestForm String target,
            @RestForm String ontoCluster, @RestForm String ontoNode, @RestForm String pause,
            @RestForm String reason, @RestForm String confirm) {
        TypedConfirmation.reasonGiven(reason);
        TypedConfirmation.required(confirm, "cluster whose node is replaced");
        String onto = blankToNull(ontoCluster) != null ? ontoCluster.strip() : blankToNull(cluster);
        TypedConfirmation.matches(confirm, onto, "cluster whose node is replaced");
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("cluster", blankToNull(cluster));
        request.put("target", targetOf(targetKind, target));
        Map<String, Object> where = new LinkedHashMap<>();
        where.put("cluster", onto);
        if (blankToNull(ontoNode) != null) {
            where.put("node", ontoNode.strip());
        }
        request.put("onto", where);
        request.put("replace", true);
        request.put("pauseAtTarget", "true".equals(pause));
        request.put("reason", reason.strip());
        UUID restoreId = recovery.restore(request);
        return backTo(blankToNull(cluster), restoreId);
    }

    private static Map<String, Object> targetOf(String kind, String value) {
        if ("latest".equals(kind)) {
            return Map.of("latest", true);
        }
        String field = TARGET_FIELDS.get(kind);
        if (field == null) {
            throw new ConsoleRefusal("Choose where the restore stops: a time, an LSN, a restore point or the latest "
                    + "archived WAL.");
        }
        if (blankToNull(value) == null) {
            throw new ConsoleRefusal("Give the " + kind.replace('-', ' ') + " the restore stops at.");
        }
        return Map.of(field, value.strip());
    }

    private static Response backTo(String cluster, UUID restoreId) {
        return FormFields.backTo("/recovery", "cluster", cluster, "restore", restoreId);
    }
}
