package io.drsuite.console.pages.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.console.services.Service;
import io.drsuite.console.services.SuiteApi;
import jakarta.enterprise.context.RequestScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the snapshots page reads and asks of snapshot-service as the signed-in user: the catalog (all clusters or
 * one), the policies, the registered clusters and storage locations; take, verify, restore and delete.
 */
@RequestScoped
public class SnapshotCatalog {

    private static final int PAGE = 200;

    private final SuiteApi api;

    SnapshotCatalog(SuiteApi api) {
        this.api = api;
    }

    /** Registered clusters by name, each with its nodes' names (where a physical restore can go). */
    public Map<String, List<String>> clusters() {
        Map<String, List<String>> clusters = new LinkedHashMap<>();
        for (JsonNode cluster : api.list(Service.RELATIONSHIP, "/api/v1/clusters", Map.of("limit", PAGE))) {
            List<String> nodes = new ArrayList<>();
            cluster.path("nodes").forEach(node -> nodes.add(node.path("name").asText()));
            clusters.put(cluster.path("name").asText(), nodes);
        }
        return clusters;
    }

    public List<String> storageLocations() {
        List<String> names = new ArrayList<>();
        api.get(Service.SNAPSHOT, "/api/v1/storage").forEach(location -> names.add(location.path("name").asText()));
        return names;
    }

    /** Newest first; one cluster's or, with {@code cluster} null, every cluster's. */
    public List<SnapshotRow> snapshots(String cluster) {
        Map<String, Object> query = new HashMap<>();
        query.put("limit", PAGE);
        if (cluster != null) {
            query.put("cluster", cluster);
        }
        List<SnapshotRow> rows = new ArrayList<>();
        api.list(Service.SNAPSHOT, "/api/v1/snapshots", query).forEach(snapshot -> rows.add(SnapshotRow.of(snapshot)));
        return rows;
    }

    public SnapshotRow snapshot(UUID id) {
        return SnapshotRow.of(api.get(Service.SNAPSHOT, "/api/v1/snapshots/{id}", id));
    }

    public List<PolicyRow> policies(String cluster) {
        List<PolicyRow> rows = new ArrayList<>();
        for (JsonNode policy : api.get(Service.SNAPSHOT, "/api/v1/policies")) {
            if (cluster == null || cluster.equals(policy.path("cluster").asText())) {
                rows.add(PolicyRow.of(policy));
            }
        }
        return rows;
    }

    /** Each cluster's last good backup, for the clusters shown. */
    public List<ClusterBackups> standing(List<String> clusters, List<SnapshotRow> catalog) {
        Instant now = Instant.now();
        return clusters.stream().map(cluster -> ClusterBackups.of(cluster, catalog, now)).toList();
    }

    public Optional<RestoreProgress> restore(UUID id) {
        return api.find(Service.SNAPSHOT, "/api/v1/restores/{id}", id).map(RestoreProgress::of);
    }

    /** Asks for a snapshot now; answers the snapshot's id. */
    public UUID take(Map<String, Object> request) {
        return UUID.fromString(api.post(Service.SNAPSHOT, request, "/api/v1/snapshots").path("snapshot").path("id")
                .asText());
    }

    public void verify(UUID id) {
        api.post(Service.SNAPSHOT, Map.of(), "/api/v1/snapshots/{id}/verify", id);
    }

    /** Asks for a restore; answers the restore's id. */
    public UUID restore(UUID snapshotId, Map<String, Object> request) {
        return UUID.fromString(api.post(Service.SNAPSHOT, request, "/api/v1/snapshots/{id}/restore", snapshotId)
                .path("restore").path("id").asText());
    }

    public void delete(UUID id) {
        api.delete(Service.SNAPSHOT, "/api/v1/snapshots/{id}", Map.of(), id);
    }
}
