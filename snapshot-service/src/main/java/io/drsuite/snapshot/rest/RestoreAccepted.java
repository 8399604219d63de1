package io.drsuite.snapshot.rest;

import io.drsuite.platform.audit.RefersToTask;
import java.util.UUID;

/** {@code 202 Accepted}: the restore and the task running it (poll either). */
public record RestoreAccepted(UUID taskId, RestoreView restore) implements RefersToTask {
}
