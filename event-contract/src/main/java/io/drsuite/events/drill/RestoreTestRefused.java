package io.drsuite.events.drill;

import static io.drsuite.events.Require.present;
import static io.drsuite.events.Require.text;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * snapshot-service could not start a requested restore test (the cluster has no good snapshot, or none is stored
 * where it can be read); no task was requested. relationship-service ends the drill failed with the reason.
 */
@RegisterForReflection
public record RestoreTestRefused(UUID drillId, UUID taskId, String cluster, String reason, Instant at) {

    public RestoreTestRefused {
        present(drillId, "drillId");
        present(taskId, "taskId");
        text(cluster, "cluster");
        text(reason, "reason");
        present(at, "at");
    }
}
