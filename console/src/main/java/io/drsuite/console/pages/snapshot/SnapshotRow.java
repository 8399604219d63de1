package io.drsuite.console.pages.snapshot;

import static io.drsuite.console.pages.JsonFields.doubleOrNull;
import static io.drsuite.console.pages.JsonFields.instant;
import static io.drsuite.console.pages.JsonFields.longOrNull;
import static io.drsuite.console.pages.JsonFields.text;
import static io.drsuite.console.pages.JsonFields.uuid;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** A snapshot in the catalog as the page lists it, with the task that backs it up or verifies it while one runs. */
public record SnapshotRow(UUID id, String cluster, String kind, String database, String label, String phase,
        int percent, UUID taskId, String storage, Long sizeBytes, Double durationSeconds, Instant requestedAt,
        Instant completedAt, String error, String verificationState, UUID verificationTaskId,
        Instant verifiedAt, String verificationDetail, String requestedBy) {

    static SnapshotRow of(JsonNode snapshot) {
        JsonNode verification = snapshot.path("verification");
        return new SnapshotRow(uuid(snapshot.path("id")), text(snapshot.path("cluster")),
                text(snapshot.path("kind")), text(snapshot.path("database")), text(snapshot.path("label")),
                text(snapshot.path("phase")), snapshot.path("percent").asInt(), uuid(snapshot.path("taskId")),
                text(snapshot.path("storage")), longOrNull(snapshot.path("sizeBytes")),
                doubleOrNull(snapshot.path("durationSeconds")), instant(snapshot.path("requestedAt")),
                instant(snapshot.path("completedAt")), text(snapshot.path("error")),
                text(verification.path("state")), uuid(verification.path("taskId")),
                instant(verification.path("finishedAt")), text(verification.path("detail")),
                text(snapshot.path("requestedBy")));
    }

    /** The backup still runs (requested or running). */
    public boolean backingUp() {
        return "requested".equals(phase) || "running".equals(phase);
    }

    public boolean verifying() {
        return "running".equals(verificationState);
    }

    /** Stored whole and not found corrupt: what a restore can start from. */
    public boolean good() {
        return "completed".equals(phase) && !"corrupt".equals(verificationState);
    }

    public boolean logical() {
        return "logical".equals(kind);
    }

    /** What the page calls the snapshot in sentences: its kind, cluster and, for a dump, database. */
    public String title() {
        return kind + " snapshot of " + cluster + (database == null ? "" : " / " + database);
    }
}
