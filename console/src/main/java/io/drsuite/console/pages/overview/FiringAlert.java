package io.drsuite.console.pages.overview;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** An alert monitor-service raised and has not resolved: its rule, what it is about and since when. */
public record FiringAlert(String rule, String subject, String relationshipId, String detail, Instant raisedAt) {

    static FiringAlert of(JsonNode alert) {
        return new FiringAlert(alert.path("rule").asText(), alert.path("subject").asText(),
                alert.path("relationshipId").asText(null), alert.path("detail").asText(null),
                alert.path("raisedAt").isTextual() ? Instant.parse(alert.path("raisedAt").asText()) : null);
    }
}
