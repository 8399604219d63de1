package io.drsuite.console.pages.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.console.services.Service;
import io.drsuite.console.services.SuiteApi;
import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the recovery page reads and asks of snapshot-service as the signed-in user: WAL archives, restore points and
 * point-in-time restores.
 */
@RequestScoped
public class RecoveryCatalog {

    private final SuiteApi api;

    RecoveryCatalog(SuiteApi api) {
        this.api = api;
    }

    /** One cluster's archives, or every cluster's with {@code cluster} null. */
    public List<WalArchiveRow> archives(String cluster) {
        List<WalArchiveRow> rows = new ArrayList<>();
        api.get(Service.SNAPSHOT, "/api/v1/wal-archives", byCluster(cluster))
                .forEach(archive -> rows.add(WalArchiveRow.of(archive)));
        return rows;
    }

    public WalArchiveRow archive(UUID id) {
        return WalArchiveRow.of(api.get(Service.SNAPSHOT, "/api/v1/wal-archives/{id}", id));
    }

    public List<RestorePointRow> restorePoints(String cluster) {
        List<RestorePointRow> rows = new ArrayList<>();
        api.get(Service.SNAPSHOT, "/api/v1/restore-points", byCluster(cluster))
                .forEach(point -> rows.add(RestorePointRow.of(point)));
        return rows;
    }

    public void switchOn(Map<String, Object> request) {
        api.post(Service.SNAPSHOT, request, "/api/v1/wal-archives");
    }

    public void switchOff(UUID id) {
        api.delete(Service.SNAPSHOT, "/api/v1/wal-archives/{id}", Map.of(), id);
    }

    public void createRestorePoint(String cluster, String name) {
        api.post(Service.SNAPSHOT, Map.of("cluster", cluster, "name", name), "/api/v1/restore-points");
    }

    /** Asks for a point-in-time restore; answers the restore's id. */
    public UUID restore(Map<String, Object> request) {
        JsonNode accepted = api.post(Service.SNAPSHOT, request, "/api/v1/restores");
        return UUID.fromString(accepted.path("restore").path("id").asText());
    }

    private static Map<String, Object> byCluster(String cluster) {
        Map<String, Object> query = new HashMap<>();
        if (cluster != null) {
            query.put("cluster", cluster);
        }
        return query;
    }
}
