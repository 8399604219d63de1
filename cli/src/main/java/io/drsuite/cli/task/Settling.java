package io.drsuite.cli.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * The wait after a task ended for the service that asked for it to hear so. Task-service announces the end as an
 * event; relationship-service (a relationship's phase, a cluster's running operation) and snapshot-service (a
 * snapshot's phase, its verification) apply it a moment later. Until then they still show the task in flight and
 * refuse the next operation as busy, so a command that waited reads the owner's document until it has settled: then
 * {@code drctl reprotect shop && drctl query shop} shows the new phase, and a script's next command is not refused.
 */
public final class Settling {

    private static final Duration AT_MOST = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(250);

    private Settling() {
    }

    /**
     * Reads the document at {@code path} until {@code settled} holds, at most 30 s; then says so on stderr (when
     * {@code stillBusy} is given) and returns the document as it is.
     */
    public static JsonNode await(Cli cli, Service service, ApiPath path, Predicate<JsonNode> settled,
            String stillBusy) {
        Instant deadline = Instant.now().plus(AT_MOST);
        JsonNode document = cli.client().get(service, path);
        while (!settled.test(document)) {
            if (Instant.now().isAfter(deadline)) {
                if (stillBusy != null) {
                    cli.terminal().err().println(stillBusy);
                }
                return document;
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return document;
            }
            document = cli.client().get(service, path);
        }
        return document;
    }
}
