package io.drsuite.cli.commands.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import io.drsuite.cli.output.Json;
import java.time.Duration;
import java.time.Instant;

/**
 * A snapshot's or a restore's document once snapshot-service has heard how its task ended. The task's end reaches
 * snapshot-service as an event, so for a moment after task-service says "succeeded" the snapshot's phase (or its
 * verification) still reads "running".
 */
final class SnapshotOutcome {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(250);

    private SnapshotOutcome() {
    }

    /** The document at {@code path} once its {@code field} is no longer "running" (or after 30 s, as it is then). */
    static JsonNode settled(Cli cli, ApiPath path, String field) {
        Instant deadline = Instant.now().plus(PATIENCE);
        JsonNode document = cli.client().get(Service.SNAPSHOT, path);
        while ("running".equals(Json.text(document, field)) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return document;
            }
            document = cli.client().get(Service.SNAPSHOT, path);
        }
        return document;
    }
}
