package io.drsuite.events.cluster;

import static io.drsuite.events.Require.present;
import static io.drsuite.events.Require.text;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * A cluster was removed from the registry; projections forget it.
 */
@RegisterForReflection
public record ClusterRemoved(UUID clusterId, String name, Instant removedAt) {

    public ClusterRemoved {
        present(clusterId, "clusterId");
        text(name, "name");
        present(removedAt, "removedAt");
    }
}
