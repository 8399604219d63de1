package io.drsuite.cli.commands.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import io.drsuite.cli.task.Settling;
import io.drsuite.cli.output.Json;

/**
 * A snapshot's or a restore's document once snapshot-service has heard how its task ended. The task's end reaches
 * snapshot-service as an event, so for a moment after task-service says "succeeded" the snapshot's phase (or its
 * verification) still reads "running".
 */
final class SnapshotOutcome {

    private SnapshotOutcome() {
    }

    /** The document at {@code path} once its {@code field} is no longer "running" (or after 30 s, as it is then). */
    static JsonNode settled(Cli cli, ApiPath path, String field) {
        return Settling.await(cli, Service.SNAPSHOT, path, document -> !"running".equals(Json.text(document, field)),
                null);
    }
}
