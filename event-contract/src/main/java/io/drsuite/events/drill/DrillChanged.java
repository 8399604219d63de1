package io.drsuite.events.drill;

import static io.drsuite.events.Require.present;
import static io.drsuite.events.Require.text;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * A drill was requested or ended.
 *
 * @param kind {@code failover_rehearsal}, {@code switchover_round_trip} or {@code restore_test}
 * @param sandbox null for a switchover round trip, which needs none
 * @param state {@code running}, {@code passed} or {@code failed}
 * @param taskId the task that runs the drill
 * @param requestedBy who asked for it; null when the suite acted by itself
 * @param finishedAt null while it runs
 * @param rtoSeconds measured RTO (a round trip's longer write outage); null while it runs, when the task did not get
 *        that far, or for a restore test
 * @param rpoBytes measured RPO in bytes; null likewise
 * @param rpoSeconds measured RPO in seconds; null likewise
 */
@RegisterForReflection
public record DrillChanged(
        UUID drillId,
        String kind,
        UUID relationshipId,
        String relationshipName,
        String sandbox,
        String state,
        UUID taskId,
        String requestedBy,
        Instant requestedAt,
        Instant finishedAt,
        Double rtoSeconds,
        Long rpoBytes,
        Double rpoSeconds,
        Instant at) {

    public DrillChanged {
        present(drillId, "drillId");
        text(kind, "kind");
        present(relationshipId, "relationshipId");
        text(relationshipName, "relationshipName");
        text(state, "state");
        present(taskId, "taskId");
        present(requestedAt, "requestedAt");
        present(at, "at");
    }
}
