package io.drsuite.cli.commands.drill;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.CliFailure;
import io.drsuite.cli.output.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code drctl drill plan set} sends: the plan's whole document (relationship-service replaces a plan with
 * PUT), made of the options given over the plan as it is, or, for a new plan, of the options alone. Checks given
 * replace all the plan's checks; none given keeps them.
 *
 * @param checks the {@code --check} options as given ({@code NAME|EXPECTED|SQL}); null when none was given
 * @param database the database the given checks run in; null: postgres
 * @param suspended null when neither {@code --suspended} nor {@code --no-suspended} was given
 */
record DrillPlanChange(String name, String relationship, String kind, String sandbox, String cluster,
        String schedule, List<String> checks, String database, Boolean suspended) {

    /** The request body: over {@code existing} when there is one (null for a new plan). */
    Map<String, Object> request(JsonNode existing) {
        if (database != null && checks == null) {
            throw CliFailure.usage("--database names where the --check queries run; give the checks with it");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("relationship", pick(relationship, existing, "relationship"));
        String planKind = pick(kind, existing, "kind");
        body.put("kind", planKind);
        body.put("sandbox", pick(sandbox, existing, "sandbox"));
        body.put("cluster", pick(cluster, existing, "cluster"));
        body.put("schedule", pick(schedule, existing, "schedule"));
        body.put("checks", checks != null ? given() : existingChecks(existing));
        body.put("suspended", suspended != null ? suspended
                : existing != null && existing.path("suspended").asBoolean());
        if (existing == null) {
            List<String> missing = new ArrayList<>();
            List<String> needed = "switchover_round_trip".equals(planKind) ? List.of("relationship", "schedule")
                    : List.of("relationship", "sandbox", "schedule");
            for (String option : needed) {
                if (body.get(option) == null) {
                    missing.add("--" + option);
                }
            }
            if (!missing.isEmpty()) {
                throw CliFailure.usage("a new drill plan needs " + String.join(", ", missing));
            }
        }
        return body;
    }

    private List<Map<String, Object>> given() {
        List<Map<String, Object>> parsed = new ArrayList<>();
        checks.forEach(check -> parsed.add(InlineCheck.parse(check, database)));
        return parsed;
    }

    private static List<Map<String, Object>> existingChecks(JsonNode existing) {
        List<Map<String, Object>> kept = new ArrayList<>();
        if (existing != null) {
            for (JsonNode check : existing.path("checks")) {
                Map<String, Object> copy = new LinkedHashMap<>();
                copy.put("name", Json.text(check, "name"));
                if (check.hasNonNull("database")) {
                    copy.put("database", Json.text(check, "database"));
                }
                copy.put("sql", Json.text(check, "sql"));
                copy.put("expected", Json.text(check, "expected"));
                kept.add(copy);
            }
        }
        return kept;
    }

    private static String pick(String given, JsonNode existing, String field) {
        if (given != null) {
            return given;
        }
        if (existing == null) {
            return null;
        }
        String value = Json.text(existing, field);
        return value.isEmpty() ? null : value;
    }
}
