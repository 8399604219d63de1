package io.drsuite.cli.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.output.Json;
import io.drsuite.cli.output.Terminal;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a followed task looks for people: a line per finished step ("Successfully stopped prod-1; shutdown checkpoint
 * at 0/3000028 (0.41 s)"), the step log indented under it, a progress bar redrawn in place on a terminal, and a
 * summary with the duration, the write outage where the steps show it, and the estimated data loss of a failover.
 */
final class TaskRendering {

    /** A log line that starts with a verb in the past tense reads well after "Successfully". */
    private static final Pattern PAST_TENSE = Pattern.compile("^[a-z]+ed\\b.*");
    /** The engine's own bookkeeping lines ("step x started", "task succeeded"): the step lines and summary say it. */
    private static final Pattern BOOKKEEPING = Pattern.compile(
            "^(step \\S+ (started|succeeded|failed).*|task (succeeded|failed|cancelled).*)$");
    private static final int BAR_WIDTH = 30;
    private static final String CLEAR_LINE = "\r\u001b[K";

    private final Terminal terminal;
    private final PrintStream out;
    private boolean barShown;
    private boolean headerShown;

    TaskRendering(Terminal terminal) {
        this.terminal = terminal;
        this.out = terminal.out();
    }

    /** Prints what is new since the last poll; returns how many log lines have been shown. */
    int update(JsonNode task, int logShown, Set<String> reported) {
        clearBar();
        if (!headerShown) {
            out.println(terminal.bold("Task " + task.path("id").asText()) + "  " + task.path("type").asText()
                    + " of " + subject(task));
            headerShown = true;
        }
        JsonNode log = task.path("log");
        int shown = logShown;
        for (; shown < log.size(); shown++) {
            JsonNode line = log.get(shown);
            String message = line.path("message").asText();
            if (line.path("step").isTextual()) {
                // steps that ended before this line's step began are reported first, so the screen reads in order
                reportFinishedSteps(task, position(task, line.path("step").asText()), reported);
            }
            if (!BOOKKEEPING.matcher(message).matches() && !carriedByStepLine(task, line)) {
                String step = line.path("step").isTextual() ? line.path("step").asText() + ": " : "";
                out.println(terminal.dim("    " + step + message));
            }
        }
        reportFinishedSteps(task, Integer.MAX_VALUE, reported);
        if (terminal.interactive() && !TaskStates.finished(task.path("state").asText())) {
            out.print(bar(task));
            out.flush();
            barShown = true;
        }
        return shown;
    }

    /** A line for each step before {@code beforePosition} that has ended and was not reported yet. */
    private void reportFinishedSteps(JsonNode task, int beforePosition, Set<String> reported) {
        for (JsonNode step : task.path("steps")) {
            String name = step.path("name").asText();
            String state = step.path("state").asText();
            if (step.path("position").asInt() >= beforePosition || reported.contains(name)
                    || !(state.equals("succeeded") || state.equals("failed") || state.equals("rolled_back"))) {
                continue;
            }
            reported.add(name);
            out.println(stepLine(step, lastMessage(task.path("log"), name), state));
        }
    }

    /** The last message of a step that has ended is said by its step line; no need to print it twice. */
    private static boolean carriedByStepLine(JsonNode task, JsonNode line) {
        String stepName = line.path("step").asText(null);
        if (stepName == null) {
            return false;
        }
        for (JsonNode step : task.path("steps")) {
            if (step.path("name").asText().equals(stepName)) {
                return step.path("state").asText().equals("succeeded")
                        && line.path("message").asText().equals(lastMessage(task.path("log"), stepName));
            }
        }
        return false;
    }

    private static int position(JsonNode task, String stepName) {
        for (JsonNode step : task.path("steps")) {
            if (step.path("name").asText().equals(stepName)) {
                return step.path("position").asInt();
            }
        }
        return Integer.MAX_VALUE;
    }

    void summary(JsonNode task) {
        clearBar();
        String state = task.path("state").asText();
        Duration took = between(task.path("startedAt"), task.path("finishedAt"));
        String what = task.path("type").asText() + " of " + subject(task);
        if (state.equals("succeeded")) {
            out.println(terminal.green("Done: " + what + " succeeded") + (took == null ? "" : " in " + seconds(took)));
        } else {
            out.println(terminal.red("Failed: " + what + " " + state
                    + (task.path("rolledBack").asBoolean() ? " and was rolled back" : "")
                    + (took == null ? "" : " after " + seconds(took))));
            if (task.hasNonNull("failedStep")) {
                out.println("  failed step: " + task.path("failedStep").asText());
            }
            if (task.hasNonNull("error")) {
                out.println("  error: " + task.path("error").asText());
            }
            if (state.equals("failed") && !task.path("rolledBack").asBoolean()) {
                out.println("  resume it at the failed step: drctl task resume " + task.path("id").asText());
            }
        }
        Duration outage = writeOutage(task.path("steps"));
        if (outage != null) {
            out.println("  writes paused about " + seconds(outage) + " (the old primary stopped -> the new one "
                    + "accepted writes)");
        }
        for (JsonNode step : task.path("steps")) {
            JsonNode loss = step.path("artifacts").path("estimatedDataLossBytes");
            if (!loss.isMissingNode()) {
                out.println("  estimated data loss: " + loss.asText() + " bytes (WAL the old primary had and the "
                        + "new one never received)");
            }
        }
    }

    private String stepLine(JsonNode step, String message, String state) {
        Duration took = between(step.path("startedAt"), step.path("finishedAt"));
        String time = took == null ? "" : terminal.dim(" (" + seconds(took) + ")");
        String name = step.path("name").asText();
        return switch (state) {
            case "succeeded" -> terminal.green("Successfully ") + (message != null && PAST_TENSE.matcher(message)
                    .matches() ? message : "completed " + name + (message == null ? "" : ": " + message)) + time;
            case "rolled_back" -> terminal.yellow("Rolled back " + name);
            default -> terminal.red("Failed " + name + ": " + Json.text(step, "error")) + time;
        };
    }

    private static String lastMessage(JsonNode log, String step) {
        String message = null;
        for (JsonNode line : log) {
            String text = line.path("message").asText();
            if (line.path("step").asText().equals(step) && !BOOKKEEPING.matcher(text).matches()) {
                message = text;
            }
        }
        return message;
    }

    /** The clusters a task works on, by name; its target (often an id) when it names none. */
    private static String subject(JsonNode task) {
        String clusters = Json.text(task, "clusters");
        return clusters.isEmpty() ? task.path("target").asText() : clusters;
    }

    private String bar(JsonNode task) {
        int percent = Math.max(0, Math.min(100, task.path("percent").asInt()));
        int filled = percent * BAR_WIDTH / 100;
        String step = task.path("currentStep").asText("");
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + String.format(Locale.ROOT, "%3d%%",
                percent) + "  " + task.path("state").asText() + (step.isEmpty() ? "" : ": " + step);
    }

    private void clearBar() {
        if (barShown) {
            out.print(CLEAR_LINE);
            barShown = false;
        }
    }

    /** From the start of the step that stops the primary to the end of the step that promotes the new one. */
    private static Duration writeOutage(JsonNode steps) {
        Instant stopped = null;
        Instant promoted = null;
        for (JsonNode step : steps) {
            String name = step.path("name").asText();
            if (name.equals("stop-primary") && step.hasNonNull("startedAt")) {
                stopped = Instant.parse(step.path("startedAt").asText());
            }
            if (name.startsWith("promote") && step.hasNonNull("finishedAt")
                    && step.path("state").asText().equals("succeeded")) {
                promoted = Instant.parse(step.path("finishedAt").asText());
            }
        }
        return stopped != null && promoted != null && promoted.isAfter(stopped) ? Duration.between(stopped, promoted)
                : null;
    }

    private static Duration between(JsonNode from, JsonNode to) {
        if (from == null || to == null || !from.isTextual() || !to.isTextual()) {
            return null;
        }
        return Duration.between(Instant.parse(from.asText()), Instant.parse(to.asText()));
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f s", duration.toMillis() / 1000.0);
    }
}
