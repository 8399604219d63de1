package io.drsuite.cli.commands.drill;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.CliFailure;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.EveryPage;
import io.drsuite.cli.output.Column;
import io.drsuite.cli.output.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Where drill plans live in the API, how a plan is found by name, and how drctl shows plans. */
final class DrillPlans {

    static final String PATH = "/api/v1/drill-plans";

    static final List<Column> LIST = List.of(Column.of("NAME", "name"), Column.of("RELATIONSHIP", "relationship"),
            Column.of("SANDBOX", "sandbox"), Column.of("SCHEDULE", "schedule"),
            Column.of("CHECKS", plan -> String.valueOf(plan.path("checks").size())),
            Column.of("SUSPENDED", "suspended"), Column.of("NEXT RUN", "nextRunAt"),
            Column.of("LAST RUN", "lastRunAt"), Column.of("LAST ERROR", "lastError"));

    static final List<Column> DETAIL = List.of(Column.of("Drill plan", "name"),
            Column.of("Relationship", "relationship"), Column.of("Sandbox", "sandbox"),
            Column.of("Schedule", plan -> Json.text(plan, "schedule") + " (UTC)"),
            Column.of("Checks", DrillPlans::checks), Column.of("Suspended", "suspended"),
            Column.of("Next run", "nextRunAt"), Column.of("Last run", "lastRunAt"),
            Column.of("Last drill", "lastDrillId"), Column.of("Last error", "lastError"),
            Column.of("Created", "createdAt"), Column.of("Updated", "updatedAt"));

    private DrillPlans() {
    }

    static Optional<JsonNode> find(Cli cli, String name) {
        for (JsonNode plan : EveryPage.of(cli, Service.RELATIONSHIP, PATH)) {
            if (name.equals(Json.text(plan, "name"))) {
                return Optional.of(plan);
            }
        }
        return Optional.empty();
    }

    static JsonNode existing(Cli cli, String name) {
        return find(cli, name).orElseThrow(() -> new CliFailure(ExitCode.REFUSED, "no drill plan '" + name
                + "' (drctl drill plan list shows them)"));
    }

    /** The checks as they were given: {@code NAME|EXPECTED|SQL [in DB]}, one after the other. */
    static String checks(JsonNode plan) {
        List<String> shown = new ArrayList<>();
        for (JsonNode check : plan.path("checks")) {
            shown.add(Json.text(check, "name") + "|" + Json.text(check, "expected") + "|" + Json.text(check, "sql")
                    + (check.hasNonNull("database") ? " (in " + Json.text(check, "database") + ")" : ""));
        }
        return String.join("; ", shown);
    }
}
