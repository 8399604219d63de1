package io.drsuite.console.pages.alert;

import static io.drsuite.console.pages.JsonFields.instant;
import static io.drsuite.console.pages.JsonFields.text;
import static io.drsuite.console.pages.JsonFields.uuid;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** An alert, firing or resolved: its rule, what it is about, and when it was raised and resolved. */
public record AlertRow(UUID id, String rule, String subject, UUID relationshipId, String state, String detail,
        Instant raisedAt, Instant resolvedAt) {

    static AlertRow of(JsonNode alert) {
        return new AlertRow(uuid(alert.path("id")), text(alert.path("rule")), text(alert.path("subject")),
                uuid(alert.path("relationshipId")), text(alert.path("state")), text(alert.path("detail")),
                instant(alert.path("raisedAt")), instant(alert.path("resolvedAt")));
    }
}
