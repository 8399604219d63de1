package io.drsuite.relationship.drill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.events.cluster.NodeRole;
import io.drsuite.events.drill.DrillEvents;
import io.drsuite.events.drill.RestoreTestRequested;
import io.drsuite.events.task.DrillTasks;
import io.drsuite.events.task.TaskEvents;
import io.drsuite.events.task.TaskRequested;
import io.drsuite.platform.outbox.EventOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Requests a drill's task from task-service through the outbox (a restore test's through snapshot-service). The
 * task's target is the drill, not the relationship, and the only lock it holds is {@code drill:<relationship id>}: a
 * drill neither waits for the relationship's operations nor holds them up, and a relationship runs one drill at a
 * time. (A switchover round trip is the exception: it is the relationship's operation.) The parameters name the
 * sandbox node by its place and host access only; no secret goes into them.
 */
@ApplicationScoped
public class DrillTaskRequests {

    private final EventOutbox outbox;
    private final DrillConfig config;
    private final ObjectMapper json;

    DrillTaskRequests(EventOutbox outbox, DrillConfig config, ObjectMapper json) {
        this.outbox = outbox;
        this.config = config;
        this.json = json;
    }

    /** The lock a relationship's drills hold in task-service. */
    public static String lockName(Drill drill) {
        return "drill:" + drill.relationshipId;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void request(Drill drill, Sandbox sandbox, int timeoutSeconds) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put(DrillTasks.DRILL_ID, drill.id.toString());
        parameters.put(DrillTasks.PRIMARY_CLUSTER, drill.primaryCluster);
        parameters.put(DrillTasks.DR_CLUSTER, drill.drCluster);
        parameters.put(DrillTasks.SANDBOX_NODE, asJson(sandboxNode(drill, sandbox)));
        parameters.put(DrillTasks.USER_CHECKS, asJson(drill.userChecks));
        parameters.put(DrillTasks.SAMPLE_ABOVE_PAGES, String.valueOf(config.sampleAbovePages()));
        parameters.put(DrillTasks.SAMPLE_PERCENT, String.valueOf(config.samplePercent()));
        TaskRequested request = new TaskRequested(drill.taskId, drill.kind.taskType(), drill.id.toString(),
                List.of(lockName(drill)), parameters, timeoutSeconds, Instant.now());
        outbox.record(TaskEvents.REQUESTED, request.taskId().toString(), request);
    }

    /** What a round trip's task carries beside the relationship's switchover parameters. */
    public Map<String, String> roundTripParameters(Drill drill) {
        return Map.of(DrillTasks.DRILL_ID, drill.id.toString(), DrillTasks.USER_CHECKS, asJson(drill.userChecks));
    }

    /**
     * Hands a restore test to snapshot-service, which owns the backups: it picks the snapshot and requests the task
     * with the drill's task id, holding the drill's lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requestRestoreTest(Drill drill, Sandbox sandbox, int timeoutSeconds) {
        RestoreTestRequested request = new RestoreTestRequested(drill.id, drill.taskId, drill.cluster,
                sandboxNode(drill, sandbox), lockName(drill), asJson(drill.userChecks), timeoutSeconds,
                Instant.now());
        outbox.record(DrillEvents.RESTORE_TEST_REQUESTED, drill.id.toString(), request);
    }

    /** The throwaway node the drill creates: the promoted copy, so a primary once the drill declares the disaster. */
    static ClusterNode sandboxNode(Drill drill, Sandbox sandbox) {
        return new ClusterNode("drill-" + drill.id.toString().substring(0, 8), sandbox.host, drill.port.intValue(),
                drill.dataDirectory, NodeRole.PRIMARY, sandbox.access());
    }

    private String asJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write drill parameter as JSON", e);
        }
    }
}
