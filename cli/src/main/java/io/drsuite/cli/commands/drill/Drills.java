package io.drsuite.cli.commands.drill;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.output.Column;
import io.drsuite.cli.output.Terminal;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Where drills live in the API and how drctl shows them. */
final class Drills {

    static final String PATH = "/api/v1/drills";

    static final List<Column> LIST = List.of(Column.of("ID", "id"), Column.of("KIND", "kind"),
            Column.of("RELATIONSHIP", "relationship"),
            Column.of("STATE", "state"), Column.of("RTO", drill -> seconds(drill.path("figures").path("rtoSeconds"))),
            Column.of("RPO", drill -> rpo(drill.path("figures"))), Column.of("REQUESTED", "requestedAt"),
            Column.of("BY", "requestedBy"));

    private Drills() {
    }

    /** A finished drill for people: the verdict, the figures against the objectives, the failed checks' reasons. */
    static void print(Terminal terminal, JsonNode drill) {
        PrintStream out = terminal.out();
        String state = drill.path("state").asText();
        String shown = switch (state) {
            case "passed" -> terminal.green("PASSED");
            case "failed" -> terminal.red("FAILED");
            default -> state;
        };
        String kind = drill.path("kind").asText();
        out.println(terminal.bold("Drill " + drill.path("id").asText()) + "  " + kind + " of "
                + drill.path("relationship").asText() + (drill.hasNonNull("sandbox") ? " on sandbox "
                        + drill.path("sandbox").asText() : "") + "  " + shown);
        JsonNode figures = drill.path("figures");
        JsonNode objectives = drill.path("objectives");
        switch (kind) {
            case "switchover_round_trip" -> {
                String rto = objective(objectives, "rtoObjectiveSeconds");
                out.println("  Write outage to DR: " + seconds(figures.path("outageThereSeconds")) + rto);
                out.println("  Write outage back:  " + seconds(figures.path("outageBackSeconds")) + rto);
                out.println("  Canary: " + count(figures.path("canaryCommits")) + " commits acknowledged, "
                        + count(figures.path("canaryLostCommits")) + " lost");
            }
            case "restore_test" -> {
                out.println("  Cluster: " + drill.path("cluster").asText() + ", snapshot "
                        + count(figures.path("snapshotId")));
                out.println("  Restore time: " + seconds(figures.path("restoreSeconds"))
                        + objective(objectives, "restoreObjectiveSeconds"));
            }
            default -> {
                out.println("  RTO: " + seconds(figures.path("rtoSeconds"))
                        + objective(objectives, "rtoObjectiveSeconds"));
                out.println("  RPO: " + rpo(figures) + objective(objectives, "rpoObjectiveSeconds"));
                if (figures.hasNonNull("sourcePauseSeconds")) {
                    out.println("  DR replay paused " + seconds(figures.path("sourcePauseSeconds"))
                            + " to read its checksums at " + figures.path("dataPointLsn").asText());
                }
            }
        }
        for (JsonNode reason : drill.path("reasons")) {
            out.println("  " + terminal.red("✗ ") + reason.asText());
        }
        out.println("  Report: drctl drill report " + drill.path("id").asText() + " [--html FILE]");
    }

    private static String rpo(JsonNode figures) {
        if (!figures.hasNonNull("rpoBytes")) {
            return "–";
        }
        return figures.path("rpoBytes").asLong() + " bytes (" + seconds(figures.path("rpoSeconds")) + ")";
    }

    private static String count(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? "–" : value.asText();
    }

    private static String seconds(JsonNode value) {
        return value.isNumber() ? String.format(Locale.ROOT, "%.3f s", value.asDouble()) : "–";
    }

    private static String objective(JsonNode objectives, String field) {
        return objectives.hasNonNull(field) ? " (objective " + objectives.path(field).asInt() + " s)" : "";
    }
}
