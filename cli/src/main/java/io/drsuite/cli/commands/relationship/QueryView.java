package io.drsuite.cli.commands.relationship;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drsuite.cli.output.Column;
import io.drsuite.cli.output.Json;
import io.drsuite.cli.output.Terminal;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The gs_ddr query view for people, drawn from one document that combines three services' answers:
 * {@code relationship} (relationship-service's live query: phase, both clusters' roles and state words, progress,
 * the task in flight, the lag read from the clusters), {@code health} (monitor-service's latest sample: lag and the
 * RPO estimate) and {@code task} (task-service's running task with its steps). {@code health} and {@code task} may
 * be null.
 */
final class QueryView {

    private static final int BAR_WIDTH = 20;

    private QueryView() {
    }

    /** The combined document {@code {"relationship": ..., "health": ..., "task": ...}}. */
    static ObjectNode combine(ObjectMapper json, JsonNode relationship, JsonNode health, JsonNode task) {
        ObjectNode view = json.createObjectNode();
        view.set("relationship", relationship);
        view.set("health", health == null ? json.nullNode() : health);
        view.set("task", task == null ? json.nullNode() : task);
        return view;
    }

    /** One relationship in detail. */
    static void print(Terminal terminal, JsonNode view) {
        PrintStream out = terminal.out();
        JsonNode relationship = view.path("relationship");
        out.println(terminal.bold("Relationship " + relationship.path("name").asText()) + "  phase "
                + phase(terminal, relationship.path("phase").asText()) + "  " + relationship.path("syncMode").asText()
                + " replication" + terminal.dim("  (id " + relationship.path("id").asText() + ")"));
        List<JsonNode> clusters = List.copyOf(toList(relationship.path("clusters")));
        int nameWidth = Math.max("CLUSTER".length(), clusters.stream().mapToInt(c -> c.path("name").asText().length())
                .max().orElse(0));
        int roleWidth = Math.max("ROLE".length(), clusters.stream().mapToInt(c -> c.path("role").asText().length())
                .max().orElse(0));
        out.println("  " + terminal.bold(pad("CLUSTER", nameWidth) + "  " + pad("ROLE", roleWidth) + "  STATE"));
        for (JsonNode cluster : clusters) {
            out.println("  " + pad(cluster.path("name").asText(), nameWidth) + "  "
                    + pad(cluster.path("role").asText(), roleWidth) + "  "
                    + state(terminal, cluster.path("state").asText()));
        }
        field(out, terminal, "Lag", lag(terminal, relationship.path("lag"), view.path("health")));
        field(out, terminal, "RPO estimate", rpo(view.path("health")));
        JsonNode objectives = relationship.path("objectives");
        if (objectives.hasNonNull("rpoObjectiveSeconds") || objectives.hasNonNull("rtoObjectiveSeconds")) {
            field(out, terminal, "Objectives", "RPO " + objective(objectives, "rpoObjectiveSeconds") + ", RTO "
                    + objective(objectives, "rtoObjectiveSeconds"));
        }
        String task = task(relationship.path("currentTask"), view.path("task"));
        if (!task.isEmpty()) {
            field(out, terminal, "Task", task);
        }
        if (relationship.hasNonNull("switchoverPercent")) {
            field(out, terminal, "Switchover", relationship.path("switchoverPercent").asInt() + "%");
        }
        if (relationship.hasNonNull("failoverPercent")) {
            field(out, terminal, "Failover", relationship.path("failoverPercent").asInt() + "%");
        }
        if (relationship.hasNonNull("estimatedDataLossBytes")) {
            field(out, terminal, "Data lost", relationship.path("estimatedDataLossBytes").asLong()
                    + " bytes (estimated, at the failover)");
        }
        if (relationship.hasNonNull("lastError")) {
            field(out, terminal, "Last error", terminal.red(relationship.path("lastError").asText()));
        }
    }

    private static String objective(JsonNode objectives, String field) {
        return objectives.hasNonNull(field) ? objectives.path(field).asInt() + " s" : "not set";
    }

    /** The columns of the table of every relationship. */
    static List<Column> columns() {
        return List.of(Column.of("NAME", "relationship.name"),
                Column.of("PHASE", "relationship.phase"),
                Column.of("PRIMARY", view -> clusterCell(view, 0)),
                Column.of("DR", view -> clusterCell(view, 1)),
                Column.of("LAG", view -> shortLag(view.path("health"))),
                Column.of("RPO", view -> view.path("health").hasNonNull("rpoEstimateSeconds")
                        ? seconds(view.path("health").path("rpoEstimateSeconds").asDouble()) : ""),
                Column.of("TASK", view -> {
                    JsonNode current = view.path("relationship").path("currentTask");
                    return current.isObject() ? current.path("type").asText() + " " + current.path("percent").asInt()
                            + "%" + (current.hasNonNull("step") ? " " + current.path("step").asText() : "") : "";
                }));
    }

    private static String clusterCell(JsonNode view, int index) {
        JsonNode cluster = view.path("relationship").path("clusters").path(index);
        return cluster.isObject() ? cluster.path("name").asText() + " (" + cluster.path("state").asText() + ")" : "";
    }

    private static String shortLag(JsonNode health) {
        if (!health.hasNonNull("lagBytes")) {
            return "";
        }
        return health.path("lagBytes").asLong() + " B" + (health.hasNonNull("lagSeconds")
                ? " / " + seconds(health.path("lagSeconds").asDouble()) : "");
    }

    /** The live lag of relationship-service when it could be read, else monitor-service's last sample. */
    static String lag(Terminal terminal, JsonNode live, JsonNode health) {
        if (live.isObject() && live.hasNonNull("bytes")) {
            String streaming = live.path("drStreaming").asBoolean() ? terminal.green("DR streaming")
                    : terminal.red("DR not streaming");
            return live.path("bytes").asLong() + " bytes, " + (live.hasNonNull("seconds")
                    ? seconds(live.path("seconds").asDouble()) : "? s") + " behind (" + streaming + ")";
        }
        if (health.isObject() && health.hasNonNull("lagBytes")) {
            return health.path("lagBytes").asLong() + " bytes, " + (health.hasNonNull("lagSeconds")
                    ? seconds(health.path("lagSeconds").asDouble()) : "? s") + " behind (monitor-service, sampled "
                    + health.path("sampledAt").asText() + ")";
        }
        if (live.isObject() && live.hasNonNull("error")) {
            return terminal.yellow("unreadable: " + live.path("error").asText());
        }
        return terminal.dim("not replicating");
    }

    private static String rpo(JsonNode health) {
        if (!health.isObject() || !health.hasNonNull("rpoEstimateSeconds")) {
            return "unknown (monitor-service has no sample: not replicating, or not polled yet)";
        }
        String rpo = seconds(health.path("rpoEstimateSeconds").asDouble()) + " of writes would be lost by a failover "
                + "now (sampled " + health.path("sampledAt").asText() + ")";
        return health.hasNonNull("reason") ? rpo + "; " + health.path("reason").asText() : rpo;
    }

    private static String task(JsonNode current, JsonNode task) {
        if (!current.isObject()) {
            return "";
        }
        int percent = task.isObject() ? task.path("percent").asInt() : current.path("percent").asInt();
        String step = task.isObject() ? task.path("currentStep").asText("") : current.path("step").asText("");
        String state = task.isObject() ? " " + task.path("state").asText() : "";
        int filled = Math.max(0, Math.min(100, percent)) * BAR_WIDTH / 100;
        return current.path("type").asText() + state + " [" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled)
                + "] " + percent + "%" + (step.isEmpty() ? "" : ": " + step) + "  (task "
                + current.path("id").asText() + ")";
    }

    private static void field(PrintStream out, Terminal terminal, String name, String value) {
        out.println("  " + terminal.bold(pad(name + ":", 14)) + value);
    }

    private static String phase(Terminal terminal, String phase) {
        return switch (phase) {
            case "active" -> terminal.green(phase);
            case "error" -> terminal.red(phase);
            default -> terminal.yellow(phase);
        };
    }

    /** gs_ddr's state words: steady ones green, failures red, transitions yellow. */
    static String state(Terminal terminal, String state) {
        if (state.endsWith("_fail")) {
            return terminal.red(state);
        }
        return switch (state) {
            case "normal", "archive", "recovery" -> terminal.green(state);
            default -> terminal.yellow(state);
        };
    }

    static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.2f s", seconds);
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> items = new java.util.ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
