package io.drsuite.snapshot.rest;

import io.drsuite.platform.audit.RefersToTask;
import java.util.UUID;

/** {@code 202 Accepted}: the archive and the stream task that fills it. */
public record WalArchiveAccepted(UUID taskId, WalArchiveView archive) implements RefersToTask {
}
