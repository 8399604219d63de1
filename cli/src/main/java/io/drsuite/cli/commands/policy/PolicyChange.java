package io.drsuite.cli.commands.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.CliFailure;
import io.drsuite.cli.output.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code drctl policy set} sends: the policy's whole document (snapshot-service replaces a policy with PUT),
 * made of the options given over the policy as it is, or, for a new policy, of the options alone with the defaults
 * (kind logical with a database, physical without).
 *
 * @param suspended null when neither {@code --suspended} nor {@code --no-suspended} was given
 */
record PolicyChange(String name, String cluster, String kind, String database, List<String> tables, String schedule,
        Integer keepLast, String maxAge, String recoveryWindow, String storage, Boolean suspended) {

    /** The request body: over {@code existing} when there is one (null for a new policy). */
    Map<String, Object> request(JsonNode existing) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("cluster", pick(cluster, existing, "cluster"));
        String database = pick(this.database, existing, "database");
        String kind = pick(this.kind, existing, "kind");
        body.put("kind", kind != null ? kind : database != null ? "logical" : "physical");
        body.put("database", database);
        body.put("tables", tables != null ? tables : existingTables(existing));
        body.put("schedule", pick(schedule, existing, "schedule"));
        Map<String, Object> retention = new LinkedHashMap<>();
        String keptLast = existing == null ? "" : Json.text(existing, "retention.keepLast");
        retention.put("keepLast", keepLast != null ? keepLast : keptLast.isEmpty() ? null : Integer.valueOf(keptLast));
        retention.put("maxAge", maxAge != null ? maxAge : pick(null, existing, "retention.maxAge"));
        retention.put("recoveryWindow", recoveryWindow != null ? recoveryWindow
                : pick(null, existing, "retention.recoveryWindow"));
        body.put("retention", retention);
        body.put("storage", pick(storage, existing, "storage"));
        body.put("suspended", suspended != null ? suspended
                : existing != null && existing.path("suspended").asBoolean());
        if (existing == null) {
            List<String> missing = new ArrayList<>();
            if (body.get("cluster") == null) {
                missing.add("--cluster");
            }
            if (body.get("schedule") == null) {
                missing.add("--schedule");
            }
            if (retention.get("keepLast") == null && retention.get("maxAge") == null) {
                missing.add("--keep-last or --max-age");
            }
            if (!missing.isEmpty()) {
                throw CliFailure.usage("a new policy needs " + String.join(", ", missing));
            }
        }
        return body;
    }

    private static String pick(String given, JsonNode existing, String path) {
        if (given != null) {
            return given;
        }
        if (existing == null) {
            return null;
        }
        String value = Json.text(existing, path);
        return value.isEmpty() ? null : value;
    }

    private static List<String> existingTables(JsonNode existing) {
        List<String> tables = new ArrayList<>();
        if (existing != null) {
            existing.path("tables").forEach(table -> tables.add(table.asText()));
        }
        return tables.isEmpty() ? null : tables;
    }
}
