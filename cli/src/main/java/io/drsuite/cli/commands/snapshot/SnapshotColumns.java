package io.drsuite.cli.commands.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.output.Column;
import io.drsuite.cli.output.Json;
import java.util.List;

/** How snapshots read for people, and what the snapshot commands share. */
final class SnapshotColumns {

    static final List<Column> LIST = List.of(Column.of("ID", "id"), Column.of("CLUSTER", "cluster"),
            Column.of("KIND", "kind"), Column.of("WHAT", SnapshotColumns::what), Column.of("PHASE", "phase"),
            Column.of("SIZE", node -> Json.bytes(node.get("sizeBytes"))), Column.of("AS OF", "consistentAt"),
            Column.of("VERIFIED", "verification.state"),
            Column.of("RESTORE-TESTED", node -> Json.text(node, "restoreTestedAt")), Column.of("LABEL", "label"));

    static final List<Column> DETAIL = List.of(Column.of("Snapshot", "id"), Column.of("Cluster", "cluster"),
            Column.of("Kind", "kind"), Column.of("Database", "database"), Column.of("Tables", "tables"),
            Column.of("Label", "label"), Column.of("Phase", node -> Json.text(node, "phase")
                    + ("running".equals(Json.text(node, "phase")) ? " " + Json.text(node, "percent") + "%" : "")),
            Column.of("Size", node -> Json.bytes(node.get("sizeBytes"))), Column.of("SHA-256", "sha256"),
            Column.of("Start LSN", "startLsn"), Column.of("Timeline", "timeline"),
            Column.of("Data as of", "consistentAt"), Column.of("Requested", "requestedAt"),
            Column.of("Completed", "completedAt"),
            Column.of("Duration", node -> node.hasNonNull("durationSeconds")
                    ? Json.text(node, "durationSeconds") + " s" : ""),
            Column.of("Storage", "storage"), Column.of("Location", "location"),
            Column.of("Verification", node -> Json.text(node, "verification.state")
                    + (node.path("verification").hasNonNull("detail")
                            ? " (" + Json.text(node, "verification.detail") + ")" : "")),
            Column.of("Restore-tested", node -> node.hasNonNull("restoreTestedAt") ? Json.text(node,
                    "restoreTestedAt") + " (restored in " + Json.text(node, "restoreTestSeconds") + " s)" : ""),
            Column.of("Policy", "policyId"), Column.of("Task", "taskId"), Column.of("Error", "error"),
            Column.of("Requested by", "requestedBy"));

    private SnapshotColumns() {
    }

    private static String what(JsonNode snapshot) {
        String database = Json.text(snapshot, "database");
        String tables = Json.text(snapshot, "tables");
        if (database.isEmpty()) {
            return "whole cluster";
        }
        return tables.isEmpty() ? database : database + ": " + tables;
    }
}
