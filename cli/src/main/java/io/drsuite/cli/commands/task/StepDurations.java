package io.drsuite.cli.commands.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How a task's and its steps' times and artifacts read in {@code drctl task show}. */
final class StepDurations {

    private StepDurations() {
    }

    /** "1.25 s" between two API instants; "" when either is missing (not started, still running). */
    static String between(JsonNode from, JsonNode to) {
        if (from == null || to == null || !from.isTextual() || !to.isTextual()) {
            return "";
        }
        try {
            Duration took = Duration.between(Instant.parse(from.asText()), Instant.parse(to.asText()));
            return String.format(Locale.ROOT, "%.2f s", took.toMillis() / 1000.0);
        } catch (DateTimeParseException e) {
            return "";
        }
    }

    /** A step's artifacts as {@code key=value, key=value}, in the API's order. */
    static String artifacts(JsonNode artifacts) {
        if (artifacts == null || !artifacts.isObject()) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = artifacts.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            pairs.add(field.getKey() + "=" + field.getValue().asText());
        }
        return String.join(", ", pairs);
    }
}
