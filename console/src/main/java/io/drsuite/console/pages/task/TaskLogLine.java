package io.drsuite.console.pages.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A line of a task's step log. */
public record TaskLogLine(Instant at, String step, String message) {

    static TaskLogLine of(JsonNode line) {
        return new TaskLogLine(TaskSummary.instant(line.path("at")), line.path("step").asText(null),
                line.path("message").asText());
    }
}
