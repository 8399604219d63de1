package io.drsuite.cli.commands.pitr;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.output.Column;
import io.drsuite.cli.output.Json;
import java.util.List;

/** How WAL archives read for people. */
final class WalArchiveColumns {

    static final List<Column> LIST = List.of(Column.of("ID", "id"), Column.of("CLUSTER", "cluster"),
            Column.of("STORAGE", "storage"), Column.of("STATE", "state"), Column.of("LAST SEGMENT", "lastSegment"),
            Column.of("AGE", WalArchiveColumns::age), Column.of("GAPS", node -> String.valueOf(node.path("gaps")
                    .size())), Column.of("RECOVERABLE FROM", "recoveryWindow.start"),
            Column.of("TO", "recoveryWindow.end"));

    static final List<Column> DETAIL = List.of(Column.of("WAL archive", "id"), Column.of("Cluster", "cluster"),
            Column.of("Storage", "storage"), Column.of("Key prefix", "keyPrefix"), Column.of("State", "state"),
            Column.of("Synchronous", node -> node.path("synchronous").asBoolean() ? "yes (application name "
                    + Json.text(node, "applicationName") + ")" : "no"),
            Column.of("Slot", "slot"), Column.of("First segment", "firstSegment"),
            Column.of("Last segment", "lastSegment"), Column.of("Last segment complete", "lastSegmentClosedAt"),
            Column.of("Age", WalArchiveColumns::age), Column.of("Segments", "segments"),
            Column.of("Stored", node -> Json.bytes(node.get("bytes"))),
            Column.of("Gaps", node -> node.path("gaps").isEmpty() ? "none" : Json.text(node, "gaps")),
            Column.of("Recoverable from", "recoveryWindow.start"), Column.of("Recoverable to", "recoveryWindow.end"),
            Column.of("Task", "taskId"), Column.of("Requested", "requestedAt"), Column.of("Stopped", "stoppedAt"),
            Column.of("Error", "error"), Column.of("Requested by", "requestedBy"));

    private WalArchiveColumns() {
    }

    private static String age(JsonNode archive) {
        return archive.hasNonNull("lastSegmentAgeSeconds")
                ? Math.round(archive.get("lastSegmentAgeSeconds").asDouble()) + " s" : "";
    }
}
