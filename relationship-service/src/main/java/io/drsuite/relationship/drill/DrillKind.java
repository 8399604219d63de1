package io.drsuite.relationship.drill;

import io.drsuite.events.task.DrillTasks;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a drill rehearses, and the task that runs it. */
public enum DrillKind {

    /** A promoted throwaway copy of the DR main standby on a sandbox; production and DR go on throughout. */
    FAILOVER_REHEARSAL(DrillTasks.FAILOVER_REHEARSAL),
    /**
     * The relationship switches over and back while a canary writer commits: disruptive by choice. It runs as the
     * relationship's operation (phase {@code switching_over}); no sandbox.
     */
    SWITCHOVER_ROUND_TRIP(DrillTasks.SWITCHOVER_ROUND_TRIP),
    /** A cluster's newest good snapshot restored onto a sandbox and checked; snapshot-service requests the task. */
    RESTORE_TEST(DrillTasks.RESTORE_TEST);

    private final String taskType;

    DrillKind(String taskType) {
        this.taskType = taskType;
    }

    public String taskType() {
        return taskType;
    }

    public boolean needsSandbox() {
        return this != SWITCHOVER_ROUND_TRIP;
    }

    /** Runs as the relationship's own operation: the relationship is busy and its task's end moves its roles. */
    public boolean isRelationshipOperation() {
        return this == SWITCHOVER_ROUND_TRIP;
    }

    /** Every kind's wire name, for refusals. */
    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(DrillKind::wireName).toList());
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DrillKind> fromWire(String value) {
        return Arrays.stream(values()).filter(kind -> kind.wireName().equals(value)).findFirst();
    }

    public static Optional<DrillKind> ofTaskType(String taskType) {
        return Arrays.stream(values()).filter(kind -> kind.taskType.equals(taskType)).findFirst();
    }
}
