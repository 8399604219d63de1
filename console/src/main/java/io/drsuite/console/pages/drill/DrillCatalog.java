package io.drsuite.console.pages.drill;

import io.drsuite.console.services.Service;
import io.drsuite.console.services.SuiteApi;
import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the Drills page reads and asks of relationship-service as the signed-in user. */
@RequestScoped
public class DrillCatalog {

    private static final int SHOWN = 100;

    private final SuiteApi api;

    DrillCatalog(SuiteApi api) {
        this.api = api;
    }

    /** The newest drills, of one relationship or of all with {@code relationship} null. */
    public List<DrillRow> drills(String relationship) {
        Map<String, Object> query = new HashMap<>();
        query.put("relationship", relationship);
        query.put("limit", SHOWN);
        List<DrillRow> rows = new ArrayList<>();
        api.get(Service.RELATIONSHIP, "/api/v1/drills", query).forEach(drill -> rows.add(DrillRow.of(drill)));
        return rows;
    }

    public DrillRow drill(UUID id) {
        return DrillRow.of(api.get(Service.RELATIONSHIP, "/api/v1/drills/{id}", id));
    }

    /** Every check of the drill's report. */
    public List<DrillCheck> checks(UUID id) {
        List<DrillCheck> checks = new ArrayList<>();
        api.get(Service.RELATIONSHIP, "/api/v1/drills/{id}/report", id).path("checks")
                .forEach(check -> checks.add(DrillCheck.of(check)));
        return checks;
    }

    public String reportPage(UUID id) {
        return api.page(Service.RELATIONSHIP, "/api/v1/drills/{id}/report", id);
    }

    public List<String> relationships() {
        List<String> names = new ArrayList<>();
        api.list(Service.RELATIONSHIP, "/api/v1/relationships", Map.of())
                .forEach(relationship -> names.add(relationship.path("name").asText()));
        return names;
    }

    public List<String> sandboxes() {
        List<String> names = new ArrayList<>();
        api.list(Service.RELATIONSHIP, "/api/v1/sandboxes", Map.of())
                .forEach(sandbox -> names.add(sandbox.path("name").asText()));
        return names;
    }

    /** Asks for a drill; answers its id. */
    public UUID run(Map<String, Object> request) {
        return UUID.fromString(api.post(Service.RELATIONSHIP, request, "/api/v1/drills").path("id").asText());
    }
}
