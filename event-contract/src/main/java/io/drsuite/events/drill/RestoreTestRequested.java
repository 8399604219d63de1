package io.drsuite.events.drill;

import static io.drsuite.events.Require.present;
import static io.drsuite.events.Require.text;

import io.drsuite.events.cluster.ClusterNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * relationship-service asks snapshot-service to run a restore test drill: snapshot-service picks the cluster's
 * newest good snapshot (and the archived WAL after it) and requests task {@code drill.restore-test} with the id given
 * here, or answers {@link RestoreTestRefused} when it cannot.
 *
 * @param cluster the registered cluster whose backups are tested
 * @param sandboxNode the throwaway node to restore onto (its folder must not exist, nothing may listen on its port)
 * @param lockName the lock the task holds (the drill's relationship runs one drill at a time)
 * @param userChecks the user checks as a JSON array, in the form of {@code DrillTasks.USER_CHECKS}
 * @param timeoutSeconds the task's time limit
 */
@RegisterForReflection
public record RestoreTestRequested(
        UUID drillId,
        UUID taskId,
        String cluster,
        ClusterNode sandboxNode,
        String lockName,
        String userChecks,
        int timeoutSeconds,
        Instant at) {

    public RestoreTestRequested {
        present(drillId, "drillId");
        present(taskId, "taskId");
        text(cluster, "cluster");
        present(sandboxNode, "sandboxNode");
        text(lockName, "lockName");
        text(userChecks, "userChecks");
        present(at, "at");
    }
}
