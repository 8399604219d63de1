package io.drsuite.console.pages.bin;

import io.drsuite.console.services.Service;
import io.drsuite.console.services.SuiteApi;
import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the recycle-bin page reads and asks of recyclebin-service as the signed-in user. */
@RequestScoped
public class RecycleBin {

    private final SuiteApi api;

    RecycleBin(SuiteApi api) {
        this.api = api;
    }

    public List<String> clusters() {
        List<String> names = new ArrayList<>();
        api.list(Service.RELATIONSHIP, "/api/v1/clusters", Map.of("limit", 200))
                .forEach(cluster -> names.add(cluster.path("name").asText()));
        return names;
    }

    /**
     * Latest dropped first; one cluster's or every cluster's; {@code state}: recycled (the default), restored,
     * purged or all.
     */
    public List<BinEntryRow> entries(String cluster, String state) {
        Map<String, Object> query = new HashMap<>();
        query.put("limit", 200);
        query.put("cluster", cluster);
        query.put("state", state);
        List<BinEntryRow> rows = new ArrayList<>();
        api.list(Service.RECYCLEBIN, "/api/v1/recyclebin", query).forEach(entry -> rows.add(BinEntryRow.of(entry)));
        return rows;
    }

    public BinEntryRow entry(UUID id) {
        return BinEntryRow.of(api.get(Service.RECYCLEBIN, "/api/v1/recyclebin/{id}", id));
    }

    /** Restores under the original name, or under {@code as}. */
    public BinEntryRow restore(UUID id, String as) {
        Map<String, Object> request = new HashMap<>();
        request.put("as", as);
        return BinEntryRow.of(api.post(Service.RECYCLEBIN, request, "/api/v1/recyclebin/{id}/restore", id));
    }

    public BinEntryRow purge(UUID id) {
        return BinEntryRow.of(api.delete(Service.RECYCLEBIN, "/api/v1/recyclebin/{id}", Map.of(), id));
    }
}
