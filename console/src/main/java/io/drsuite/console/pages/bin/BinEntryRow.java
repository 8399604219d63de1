package io.drsuite.console.pages.bin;

import static io.drsuite.console.pages.JsonFields.instant;
import static io.drsuite.console.pages.JsonFields.text;
import static io.drsuite.console.pages.JsonFields.uuid;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** An object in a cluster's recycle bin: what it was, how big, when it was dropped and when the bin destroys it. */
public record BinEntryRow(UUID id, String cluster, String database, String kind, String originalSchema,
        String originalName, Long sizeBytes, Instant droppedAt, Instant expiresAt, String droppedBy, String state,
        String restoredAs) {

    static BinEntryRow of(JsonNode entry) {
        return new BinEntryRow(uuid(entry.path("id")), text(entry.path("cluster")), text(entry.path("database")),
                text(entry.path("kind")), text(entry.path("originalSchema")), text(entry.path("originalName")),
                entry.path("sizeBytes").isNumber() ? entry.path("sizeBytes").asLong() : null,
                instant(entry.path("droppedAt")), instant(entry.path("expiresAt")), text(entry.path("droppedBy")),
                text(entry.path("state")), text(entry.path("restoredAs")));
    }

    /**
     * The object's name as its owner knows it, and what a purge asks to be typed: {@code schema.table} for a table,
     * the schema's or database's name otherwise.
     */
    public String objectName() {
        if ("table".equals(kind) && originalSchema != null) {
            return originalSchema + "." + originalName;
        }
        return originalName != null ? originalName : originalSchema != null ? originalSchema : database;
    }

    /** Still in the bin: restorable and purgeable. */
    public boolean recycled() {
        return "recycled".equals(state);
    }
}
