package io.drsuite.relationship.rest;

import io.drsuite.platform.audit.RefersToTask;
import java.util.UUID;

/** The answer to an accepted operation: the task to follow and the relationship as it is now. */
public record OperationAccepted(UUID taskId, RelationshipView relationship) implements RefersToTask {
}
