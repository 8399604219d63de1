package io.drsuite.console.pages.recovery;

import static io.drsuite.console.pages.JsonFields.instant;
import static io.drsuite.console.pages.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A recorded restore point. */
public record RestorePointRow(String cluster, String name, String lsn, int timeline, Instant createdAt,
        String requestedBy) {

    static RestorePointRow of(JsonNode point) {
        return new RestorePointRow(text(point.path("cluster")), text(point.path("name")), text(point.path("lsn")),
                point.path("timeline").asInt(), instant(point.path("createdAt")), text(point.path("requestedBy")));
    }
}
