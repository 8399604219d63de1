package io.drsuite.console.pages.snapshot;

import static io.drsuite.console.pages.JsonFields.instant;
import static io.drsuite.console.pages.JsonFields.text;
import static io.drsuite.console.pages.JsonFields.uuid;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** A restore the user asked for from this page, followed until it ends. */
public record RestoreProgress(UUID id, UUID snapshotId, String targetCluster, String targetDatabase,
        String targetNode, boolean replace, String phase, int percent, UUID taskId, Instant requestedAt,
        Instant finishedAt, String error) {

    static RestoreProgress of(JsonNode restore) {
        return new RestoreProgress(uuid(restore.path("id")), uuid(restore.path("snapshotId")),
                text(restore.path("targetCluster")), text(restore.path("targetDatabase")),
                text(restore.path("targetNode")), restore.path("replace").asBoolean(), text(restore.path("phase")),
                restore.path("percent").asInt(), uuid(restore.path("taskId")), instant(restore.path("requestedAt")),
                instant(restore.path("finishedAt")), text(restore.path("error")));
    }

    public boolean running() {
        return finishedAt == null && !"failed".equals(phase) && !"completed".equals(phase);
    }

    /** Where the data went, in words. */
    public String target() {
        if (targetCluster == null) {
            return "new node " + targetNode;
        }
        return targetCluster + (targetDatabase != null ? " / " + targetDatabase
                : targetNode != null ? " (node " + targetNode + ")" : "");
    }
}
