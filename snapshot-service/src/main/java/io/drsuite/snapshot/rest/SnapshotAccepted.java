package io.drsuite.snapshot.rest;

import io.drsuite.platform.audit.RefersToTask;
import java.util.UUID;

/** {@code 202 Accepted}: the snapshot and the task that backs it up or verifies it (poll either). */
public record SnapshotAccepted(UUID taskId, SnapshotView snapshot) implements RefersToTask {
}
